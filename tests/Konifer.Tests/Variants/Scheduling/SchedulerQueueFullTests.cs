using Konifer.Variants.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Konifer.Tests.Variants.Scheduling;

public sealed class SchedulerQueueFullTests : SchedulerTestBase
{
    [Fact]
    public async Task A_full_queue_refuses_new_work_and_keeps_everything_already_queued()
    {
        var scheduler = Create(workers: 1, queueSize: 2);
        var (blocker, blocked) = await OccupyWorkerAsync(scheduler);
        var first = new GatedWork("first");
        first.Open();
        var queued = new[]
        {
            scheduler.EnqueueAsync("first", WorkPriority.Synchronous, first.RunAsync, None),
            scheduler.EnqueueAsync("second", WorkPriority.Synchronous, _ => Task.FromResult("second"), None),
        };
        var refusedRan = false;

        var refused = RefusedAtOnce<SchedulerQueueFullException>(scheduler.EnqueueAsync("third", WorkPriority.Synchronous,
            _ => { refusedRan = true; return Task.FromResult("third"); }, None));

        Assert.Equal(WorkPriority.Synchronous, refused.Priority);
        Assert.True(refused.RetryAfter >= TimeSpan.FromSeconds(1));
        Assert.Equal(2, scheduler.QueuedSynchronous);

        // Joining a queued job adds no work, so it is accepted even now.
        var joined = scheduler.EnqueueAsync("first", WorkPriority.Synchronous, first.RunAsync, None);

        blocker.Open();
        Assert.Equal(["blocker", "first", "second", "first"], await Task.WhenAll([blocked, .. queued, joined]).WaitAsync(Patience));
        Assert.Equal(1, first.Runs);
        Assert.False(refusedRan);
    }

    [Fact]
    public async Task Each_queue_has_its_own_bound()
    {
        var scheduler = Create(workers: 1, queueSize: 1);
        var (blocker, _) = await OccupyWorkerAsync(scheduler);
        var synchronous = scheduler.EnqueueAsync("sync", WorkPriority.Synchronous, _ => Task.FromResult("sync"), None);

        var eager = scheduler.EnqueueAsync("eager", WorkPriority.Asynchronous, _ => Task.FromResult("eager"), None);
        var refused = RefusedAtOnce<SchedulerQueueFullException>(scheduler.EnqueueAsync("eager-2", WorkPriority.Asynchronous, _ => Task.FromResult("eager-2"), None));

        Assert.Equal(WorkPriority.Asynchronous, refused.Priority);
        blocker.Open();
        Assert.Equal(["sync", "eager"], await Task.WhenAll(synchronous, eager).WaitAsync(Patience));
    }

    [Fact]
    public async Task The_suggested_retry_after_is_the_time_the_backlog_needs_at_the_recent_job_duration()
    {
        var time = new FakeTimeProvider();
        var scheduler = Create(workers: 1, queueSize: 2, time: time);
        var (slow, slowResult) = await OccupyWorkerAsync(scheduler, "slow");
        time.Advance(TimeSpan.FromSeconds(10));
        slow.Open();
        await slowResult.WaitAsync(Patience);

        var (blocker, _) = await OccupyWorkerAsync(scheduler);
        _ = scheduler.EnqueueAsync("one", WorkPriority.Synchronous, _ => Task.FromResult("one"), None);
        _ = scheduler.EnqueueAsync("two", WorkPriority.Synchronous, _ => Task.FromResult("two"), None);

        var refused = RefusedAtOnce<SchedulerQueueFullException>(scheduler.EnqueueAsync("three", WorkPriority.Synchronous, _ => Task.FromResult("three"), None));

        Assert.Equal(TimeSpan.FromSeconds(20), refused.RetryAfter); // two queued jobs of about 10 s on one worker
        Assert.Contains("synchronous", refused.Message);
        blocker.Open();
    }
}
