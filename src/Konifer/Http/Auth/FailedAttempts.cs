using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Konifer.Configuration;
using Konifer.Core.Telemetry;

namespace Konifer.Http.Auth;

/// <summary>
/// Counts refused attempts (<c>konifer_auth_failures_total</c>, by reason) and limits them per client address with a
/// fixed window of <c>auth.failure-limit</c> per <c>auth.failure-window</c>. Only failures take a permit, so a client
/// with valid credentials is never slowed down; one that keeps failing gets 429 until the window ends.
/// </summary>
/// <remarks>
/// The client is the connection's remote address: behind a proxy that is the proxy, unless the host is set up to
/// take the client's address from forwarded headers (docs/security.md).
/// </remarks>
public sealed class FailedAttempts : IDisposable
{
    private readonly Counter<long> _failures;
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedAttempts(AuthSettings settings, IMeterFactory meters)
    {
        _failures = meters.Create(KoniferTelemetry.Name).CreateCounter<long>("auth.failures", "{attempt}",
            "Requests refused for missing, invalid or insufficient credentials, by reason (missing, invalid, forbidden).");
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.FailureLimit,
                Window = settings.FailureWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Records one failure; null while the client is within its limit, else how long until it may try again.</summary>
    public TimeSpan? Record(HttpContext context, string reason)
    {
        _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));
        using var lease = _limiter.AttemptAcquire(ClientOf(context));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose() => _limiter.Dispose();
}
