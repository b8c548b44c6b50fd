namespace Konifer.Variants.Claims;

/// <summary>
/// One waiter's interest in an asset's claims (see <see cref="IGenerationClaims.Watch"/>): fires once, when one of
/// them is released or when news may have been missed. Dispose it when done waiting.
/// </summary>
public sealed class ClaimWatch : IDisposable
{
    private readonly TaskCompletionSource _fired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ClaimSignals _signals;

    internal ClaimWatch(ClaimSignals signals, Guid assetId)
    {
        _signals = signals;
        AssetId = assetId;
    }

    public Guid AssetId { get; }

    /// <summary>Whether a release (or possibly missed news) was signalled since the watch began.</summary>
    public bool HasFired => _fired.Task.IsCompleted;

    /// <summary>Waits until the watch fires or <paramref name="limit"/> passes, whichever is first; only cancellation throws.</summary>
    public async Task WaitAsync(TimeSpan limit, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            await _fired.Task.WaitAsync(limit, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The periodic re-check: the caller looks again whether or not anything was heard.
        }
    }

    internal void Fire() => _fired.TrySetResult();

    public void Dispose() => _signals.Forget(this);
}
