using Konifer.Inference;

namespace Konifer.Tests.Inference;

public sealed class InferencePoolTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Work_runs_on_the_pools_own_threads_not_the_callers()
    {
        using var pool = new InferencePool(workers: 1, queueSize: 4);

        var (name, pooled) = await pool.RunAsync(_ => (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread), CancellationToken.None);

        Assert.Equal("konifer-inference-0", name);
        Assert.False(pooled);
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once_and_the_queued_work_still_runs()
    {
        using var pool = new InferencePool(workers: 1, queueSize: 1);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var running = pool.RunAsync(_ =>
        {
            started.Set();
            release.Wait(Wait);
            return 1;
        }, CancellationToken.None);
        Assert.True(started.Wait(Wait));
        var queued = pool.RunAsync(_ => 2, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InferenceQueueFullException>(() => pool.RunAsync(_ => 3, CancellationToken.None));

        Assert.Equal(1, refused.QueueSize);
        Assert.Contains("busy", refused.Message, StringComparison.Ordinal);
        release.Set();
        Assert.Equal(1, await running.WaitAsync(Wait));
        Assert.Equal(2, await queued.WaitAsync(Wait));
        Assert.Equal(4, await pool.RunAsync(_ => 4, CancellationToken.None).WaitAsync(Wait));
    }

    [Fact]
    public async Task Errors_reach_the_caller_and_work_cancelled_while_queued_never_runs()
    {
        using var pool = new InferencePool(workers: 1, queueSize: 4);
        using var release = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        var blocker = pool.RunAsync(_ => release.Wait(Wait), CancellationToken.None);
        var ran = false;
        var cancelled = pool.RunAsync(_ => ran = true, cancel.Token);
        var failing = pool.RunAsync<int>(_ => throw new InvalidOperationException("model broke"), CancellationToken.None);

        await cancel.CancelAsync();
        release.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Wait));
        Assert.Equal("model broke", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(Wait))).Message);
        Assert.True(await blocker.WaitAsync(Wait));
        Assert.False(ran);
    }

    [Fact]
    public async Task A_disposed_pool_refuses_work()
    {
        var pool = new InferencePool(workers: 2, queueSize: 4);
        pool.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.RunAsync(_ => 1, CancellationToken.None));
    }
}
