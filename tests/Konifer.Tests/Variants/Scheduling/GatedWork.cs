namespace Konifer.Tests.Variants.Scheduling;

/// <summary>
/// A job body that reports when it starts, waits until the test opens its gate (or its token is cancelled) and
/// counts how often it ran, so tests can hold workers busy and observe exactly what the scheduler did.
/// </summary>
public sealed class GatedWork(string result)
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _runs;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource TokenCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>True: the body waits for the gate with its token, as real generation code passes tokens on.</summary>
    public bool HonoursCancellation { get; init; } = true;

    public void Open() => _gate.TrySetResult();

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        using var registration = cancellationToken.Register(() => TokenCancelled.TrySetResult());
        Started.TrySetResult();
        try
        {
            if (HonoursCancellation) await _gate.Task.WaitAsync(cancellationToken);
            else await _gate.Task;
            return result;
        }
        finally
        {
            // Cancellation may resume this method inside Cancel(), before the registration above has run.
            if (cancellationToken.IsCancellationRequested) TokenCancelled.TrySetResult();
            Finished.TrySetResult();
        }
    }
}
