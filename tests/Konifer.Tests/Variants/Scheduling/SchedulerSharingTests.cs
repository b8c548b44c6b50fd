using System.Collections.Concurrent;
using Konifer.Variants.Scheduling;

namespace Konifer.Tests.Variants.Scheduling;

public sealed class SchedulerSharingTests : SchedulerTestBase
{
    [Fact]
    public async Task Identical_synchronous_requests_share_one_queued_job()
    {
        var scheduler = Create(workers: 1);
        var (blocker, _) = await OccupyWorkerAsync(scheduler);
        var work = new GatedWork("variant");
        work.Open();

        var first = scheduler.EnqueueAsync("k", WorkPriority.Synchronous, work.RunAsync, None);
        var second = scheduler.EnqueueAsync("k", WorkPriority.Synchronous, work.RunAsync, None);
        Assert.Equal(1, scheduler.QueuedSynchronous);

        blocker.Open();
        Assert.Equal(["variant", "variant"], await Task.WhenAll(first, second).WaitAsync(Patience));
        Assert.Equal(1, work.Runs);
    }

    [Fact]
    public async Task A_request_for_a_running_job_shares_it_but_a_finished_job_is_not_reused()
    {
        var scheduler = Create(workers: 2);
        var (work, first) = await OccupyWorkerAsync(scheduler, "k");

        var second = scheduler.EnqueueAsync("k", WorkPriority.Synchronous, work.RunAsync, None);
        Assert.Equal(1, scheduler.Running);
        Assert.Equal(0, scheduler.QueuedSynchronous);
        work.Open();
        Assert.Equal(["k", "k"], await Task.WhenAll(first, second).WaitAsync(Patience));
        Assert.Equal(1, work.Runs);

        Assert.Equal("k", await scheduler.EnqueueAsync("k", WorkPriority.Synchronous, work.RunAsync, None).WaitAsync(Patience));
        Assert.Equal(2, work.Runs);
    }

    [Fact]
    public async Task A_synchronous_request_promotes_a_queued_eager_job_ahead_of_other_eager_work()
    {
        var scheduler = Create(workers: 1, synchronousPriority: 80);
        var (blocker, _) = await OccupyWorkerAsync(scheduler);
        var order = new ConcurrentQueue<string>();
        var runs = 0;
        Func<CancellationToken, Task<string>> eagerWork = token =>
        {
            Interlocked.Increment(ref runs);
            return Recording(order, "eager")(token);
        };
        var other = scheduler.EnqueueAsync("other", WorkPriority.Asynchronous, Recording(order, "other"), None);
        var eager = scheduler.EnqueueAsync("eager", WorkPriority.Asynchronous, eagerWork, None);
        Assert.Equal(2, scheduler.QueuedAsynchronous);

        var requested = scheduler.EnqueueAsync("eager", WorkPriority.Synchronous, eagerWork, None);

        Assert.Equal(1, scheduler.QueuedAsynchronous);
        Assert.Equal(1, scheduler.QueuedSynchronous);
        blocker.Open();
        Assert.Equal(["eager", "eager", "other"], await Task.WhenAll(requested, eager, other).WaitAsync(Patience));
        Assert.Equal(1, runs);
        Assert.Equal("eager other", string.Join(' ', order));
    }

    [Fact]
    public async Task A_promoted_eager_job_is_still_generated_when_the_client_gives_up()
    {
        var scheduler = Create(workers: 1);
        var (blocker, _) = await OccupyWorkerAsync(scheduler);
        var work = new GatedWork("eager");
        work.Open();
        var eager = scheduler.EnqueueAsync("eager", WorkPriority.Asynchronous, work.RunAsync, None);
        using var client = new CancellationTokenSource();
        var requested = scheduler.EnqueueAsync("eager", WorkPriority.Synchronous, work.RunAsync, client.Token);

        await client.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => requested.WaitAsync(Patience));
        Assert.Equal(1, scheduler.QueuedSynchronous + scheduler.QueuedAsynchronous);
        blocker.Open();
        Assert.Equal("eager", await eager.WaitAsync(Patience));
        Assert.Equal(1, work.Runs);
    }

    [Fact]
    public async Task A_client_joining_a_running_eager_job_neither_repeats_nor_cancels_it()
    {
        var scheduler = Create(workers: 1);
        var (work, eager) = await OccupyWorkerAsync(scheduler, "eager", WorkPriority.Asynchronous);
        using var client = new CancellationTokenSource();
        var requested = scheduler.EnqueueAsync("eager", WorkPriority.Synchronous, work.RunAsync, client.Token);

        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => requested.WaitAsync(Patience));

        work.Open();
        Assert.Equal("eager", await eager.WaitAsync(Patience));
        Assert.False(work.TokenCancelled.Task.IsCompleted);
        Assert.Equal(1, work.Runs);
    }

    [Fact]
    public async Task A_key_in_progress_with_another_result_type_is_refused()
    {
        var scheduler = Create(workers: 1);
        var (blocker, _) = await OccupyWorkerAsync(scheduler, "k");

        RefusedAtOnce<InvalidOperationException>(scheduler.EnqueueAsync("k", WorkPriority.Synchronous, _ => Task.FromResult(42), None));
        blocker.Open();
    }
}
