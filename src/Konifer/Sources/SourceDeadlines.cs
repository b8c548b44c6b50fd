using Konifer.Assets.Sources;
using Konifer.Core.Sources;

namespace Konifer.Sources;

/// <summary>
/// The three clocks of one download from a URL or S3 source: the caller (client gone), the whole download
/// (<c>source.url.timeout</c>) and the wait for the next bytes (<c>source.url.read-timeout</c>, restarted before every
/// read). The connect timeout belongs to the client (the handler's or the SDK's).
/// </summary>
internal sealed class SourceDeadlines : IDisposable
{
    private readonly UrlSourcePolicy _policy;
    private readonly CancellationTokenSource _total;
    private readonly CancellationTokenSource _idle = new();
    private readonly CancellationTokenSource _linked;

    public SourceDeadlines(UrlSourcePolicy policy, CancellationToken caller)
    {
        _policy = policy;
        _total = new CancellationTokenSource(policy.Timeout);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _total.Token, _idle.Token);
    }

    public CancellationToken Token => _linked.Token;

    public CancellationToken Restart()
    {
        _idle.CancelAfter(_policy.ReadTimeout);
        return _linked.Token;
    }

    /// <summary>The 504 for a cancellation that was not the caller's, naming the setting whose clock ran out.</summary>
    public UrlSourceException Expired(Exception e) =>
        new(UrlSourceFailure.TimedOut, _total.IsCancellationRequested
            ? $"Timed out retrieving asset source: it took longer than source.url.timeout ({Seconds(_policy.Timeout)} s)."
            : _idle.IsCancellationRequested
                ? $"Timed out retrieving asset source: it sent nothing for source.url.read-timeout ({Seconds(_policy.ReadTimeout)} s)."
                : $"Timed out retrieving asset source: it did not accept a connection within source.url.connect-timeout ({Seconds(_policy.ConnectTimeout)} s).", e);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _linked.Dispose();
        _idle.Dispose();
        _total.Dispose();
    }
}
