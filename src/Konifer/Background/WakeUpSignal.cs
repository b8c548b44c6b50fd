namespace Konifer.Background;

/// <summary>
/// Wakes a polling worker now instead of at its next poll. Nudges coalesce: any number of them before the worker
/// next waits wake it once, and a nudge given while the worker is busy is not lost. One implementation for every
/// worker that polls (the deletion outbox, the generation jobs).
/// </summary>
public class WakeUpSignal : IDisposable
{
    private readonly SemaphoreSlim _nudged = new(0, 1);
    private bool _disposed;

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

    /// <summary>Waits until nudged or until the timeout passes on the given clock; true when nudged.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var nudge = _nudged.WaitAsync(linked.Token);
        var delay = Task.Delay(timeout, timeProvider, linked.Token);
        var first = await Task.WhenAny(nudge, delay).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (first == nudge) return true;
        // The delay won, but a nudge may have completed the semaphore wait just before it was cancelled.
        try
        {
            await nudge.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed) return;
        if (disposing) _nudged.Dispose();
        _disposed = true;
    }
}
