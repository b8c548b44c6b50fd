namespace Konifer.Variants.Jobs;

/// <summary>
/// Wakes this instance's job worker now instead of at its next poll: a local enqueue, or a running job that finished
/// and left room. Nudges coalesce (any number before the worker next waits wake it once) and none given while the
/// worker is busy is lost. Jobs queued by other instances are found by polling.
/// </summary>
public sealed class GenerationJobSignal : IDisposable
{
    private readonly SemaphoreSlim _nudged = new(0, 1);

    public void Nudge()
    {
        try
        {
            _nudged.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged and not yet consumed: one wake-up is enough.
        }
        catch (ObjectDisposedException)
        {
            // Shutting down: nobody is left to wake.
        }
    }

    /// <summary>Waits until nudged or until <paramref name="timeout"/> passes on the given clock.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var nudge = _nudged.WaitAsync(linked.Token);
        var delay = Task.Delay(timeout, timeProvider, linked.Token);
        var first = await Task.WhenAny(nudge, delay).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (first == nudge) return;
        // The delay won, but a nudge may have completed the semaphore wait just before it was cancelled: consumed,
        // and the caller looks for work now anyway, so nothing is lost either way.
        try { await nudge.ConfigureAwait(false); } catch (OperationCanceledException) { }
    }

    public void Dispose() => _nudged.Dispose();
}
