using Konifer.Variants.Scheduling;

namespace Konifer.Tests.Variants.Scheduling;

public sealed class SchedulerCancellationTests : SchedulerTestBase
{
    [Fact]
    public async Task A_caller_that_gives_up_removes_its_unstarted_job()
    {
        var scheduler = Create(workers: 1);
        var (blocker, _) = await OccupyWorkerAsync(scheduler);
        var abandoned = new GatedWork("abandoned");
        using var client = new CancellationTokenSource();
        var waiting = scheduler.EnqueueAsync("abandoned", WorkPriority.Synchronous, abandoned.RunAsync, client.Token);
        var later = scheduler.EnqueueAsync("later", WorkPriority.Synchronous, _ => Task.FromResult("later"), None);

        await client.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        Assert.Equal(1, scheduler.QueuedSynchronous);
        blocker.Open();
        Assert.Equal("later", await later.WaitAsync(Patience)); // one worker, in order: the abandoned job would have run first
        Assert.Equal(0, abandoned.Runs);
    }

    [Fact]
    public async Task A_job_stays_queued_while_another_caller_still_waits_for_it()
    {
        var scheduler = Create(workers: 1);
        var (blocker, _) = await OccupyWorkerAsync(scheduler);
        using var impatient = new CancellationTokenSource();
        var leaving = scheduler.EnqueueAsync("k", WorkPriority.Synchronous, _ => Task.FromResult("k"), impatient.Token);
        var staying = scheduler.EnqueueAsync("k", WorkPriority.Synchronous, _ => Task.FromResult("k"), None);

        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving.WaitAsync(Patience));
        Assert.Equal(1, scheduler.QueuedSynchronous);
        blocker.Open();
        Assert.Equal("k", await staying.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_running_job_is_cancelled_when_its_last_caller_leaves_and_the_key_starts_afresh()
    {
        var scheduler = Create(workers: 1);
        var work = new GatedWork("k");
        using var client = new CancellationTokenSource();
        var waiting = scheduler.EnqueueAsync("k", WorkPriority.Synchronous, work.RunAsync, client.Token);
        await work.Started.Task.WaitAsync(Patience);

        await client.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        await work.TokenCancelled.Task.WaitAsync(Patience);
        var again = new GatedWork("k again");
        again.Open();
        Assert.Equal("k again", await scheduler.EnqueueAsync("k", WorkPriority.Synchronous, again.RunAsync, None).WaitAsync(Patience));
        Assert.Equal(1, again.Runs);
    }

    [Fact]
    public async Task A_caller_whose_token_is_already_cancelled_queues_nothing()
    {
        var scheduler = Create(workers: 1);
        var (blocker, _) = await OccupyWorkerAsync(scheduler);

        var task = scheduler.EnqueueAsync("k", WorkPriority.Synchronous, _ => Task.FromResult("k"), new CancellationToken(true));

        Assert.True(task.IsCanceled);
        Assert.Equal(0, scheduler.QueuedSynchronous);
        blocker.Open();
    }

    [Fact]
    public async Task Stopping_cancels_queued_work_and_waits_for_running_jobs_to_observe_cancellation()
    {
        var scheduler = Create(workers: 1);
        var (running, runningResult) = await OccupyWorkerAsync(scheduler);
        var queuedWork = new GatedWork("queued");
        var queued = scheduler.EnqueueAsync("queued", WorkPriority.Synchronous, queuedWork.RunAsync, None);
        var eager = scheduler.EnqueueAsync("eager", WorkPriority.Asynchronous, queuedWork.RunAsync, None);

        await scheduler.StopAsync().WaitAsync(Patience);

        Assert.True(running.TokenCancelled.Task.IsCompleted);
        Assert.True(running.Finished.Task.IsCompleted);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runningResult.WaitAsync(Patience));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Patience));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => eager.WaitAsync(Patience));
        Assert.Equal(0, queuedWork.Runs);
        Assert.Equal((0, 0, 0), (scheduler.Running, scheduler.QueuedSynchronous, scheduler.QueuedAsynchronous));
        RefusedAtOnce<ObjectDisposedException>(scheduler.EnqueueAsync("late", WorkPriority.Synchronous, _ => Task.FromResult("late"), None));
        await scheduler.DisposeAsync();
        await scheduler.DisposeAsync();
    }

    [Fact]
    public async Task An_eager_job_is_cancelled_by_shutdown()
    {
        var scheduler = Create(workers: 1);
        var (eager, eagerResult) = await OccupyWorkerAsync(scheduler, "eager", WorkPriority.Asynchronous);

        await scheduler.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.True(eager.TokenCancelled.Task.IsCompleted);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => eagerResult.WaitAsync(Patience));
    }

    [Fact]
    public async Task Stopping_gives_up_waiting_for_a_job_that_ignores_cancellation_when_told_to()
    {
        var scheduler = Create(workers: 1);
        var stubborn = new GatedWork("stubborn") { HonoursCancellation = false };
        var result = scheduler.EnqueueAsync("stubborn", WorkPriority.Synchronous, stubborn.RunAsync, None);
        await stubborn.Started.Task.WaitAsync(Patience);
        using var hostTimeout = new CancellationTokenSource();
        var stopping = scheduler.StopAsync(hostTimeout.Token);
        await stubborn.TokenCancelled.Task.WaitAsync(Patience);
        Assert.False(stopping.IsCompleted);

        await hostTimeout.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopping.WaitAsync(Patience));
        stubborn.Open();
        Assert.Equal("stubborn", await result.WaitAsync(Patience));
    }
}
