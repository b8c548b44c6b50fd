using System.Collections.Concurrent;

namespace Konifer.Inference;

/// <summary>
/// Runs model work on its own threads with a bounded queue, so that image decoding and ONNX calls never run on the
/// request threads and a burst of uploads waits here (or is refused) instead of taking every core from fetches.
/// </summary>
public sealed class InferencePool : IDisposable
{
    private readonly BlockingCollection<Action> _queue;
    private readonly Thread[] _workers;
    private readonly int _queueSize;

    public InferencePool(int workers, int queueSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueSize, 1);
        Workers = workers;
        _queueSize = queueSize;
        _queue = new BlockingCollection<Action>(new ConcurrentQueue<Action>(), queueSize);
        _workers = Enumerable.Range(0, workers)
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"konifer-inference-{i}" })
            .ToArray();
        foreach (var worker in _workers) worker.Start();
    }

    /// <summary>The number of worker threads; also the intra-op thread limit of the ONNX sessions.</summary>
    public int Workers { get; }

    /// <summary>
    /// Queues <paramref name="work"/> and completes with its result; fails with <see cref="InferenceQueueFullException"/>
    /// at once when <c>queueSize</c> items already wait. Work whose caller cancelled before it started is skipped.
    /// </summary>
    public Task<T> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Run()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
                return;
            }
            try
            {
                completion.TrySetResult(work(cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
            }
            catch (Exception e)
            {
                completion.TrySetException(e);
            }
        }
        try
        {
            return _queue.TryAdd(Run) ? completion.Task : Task.FromException<T>(new InferenceQueueFullException(_queueSize));
        }
        catch (InvalidOperationException)
        {
            return Task.FromException<T>(new ObjectDisposedException(nameof(InferencePool)));
        }
    }

    // Dedicated threads block on the queue, so the thread pool's threads stay free for requests.
    private void Work()
    {
        foreach (var run in _queue.GetConsumingEnumerable()) run();
    }

    /// <summary>Lets queued work finish, then stops the workers.</summary>
    public void Dispose()
    {
        if (_queue.IsAddingCompleted) return;
        _queue.CompleteAdding();
        foreach (var worker in _workers) worker.Join();
        _queue.Dispose();
    }
}
