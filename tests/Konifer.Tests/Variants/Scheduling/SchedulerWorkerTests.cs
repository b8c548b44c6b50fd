using System.Collections.Concurrent;
using Konifer.Variants.Scheduling;

namespace Konifer.Tests.Variants.Scheduling;

public sealed class SchedulerWorkerTests : SchedulerTestBase
{
    [Fact]
    public async Task Never_runs_more_jobs_than_workers()
    {
        var scheduler = Create(workers: 2);
        var concurrent = 0;
        var mostConcurrent = 0;
        var works = Enumerable.Range(0, 6).Select(i => new GatedWork($"job-{i}")).ToArray();
        var results = works.Select((work, i) => scheduler.EnqueueAsync($"job-{i}", WorkPriority.Synchronous, async token =>
        {
            var now = Interlocked.Increment(ref concurrent);
            InterlockedMax(ref mostConcurrent, now);
            try { return await work.RunAsync(token); }
            finally { Interlocked.Decrement(ref concurrent); }
        }, None)).ToArray();

        await Task.WhenAll(works[0].Started.Task, works[1].Started.Task).WaitAsync(Patience);
        Assert.Equal(2, scheduler.Running);
        Assert.Equal(4, scheduler.QueuedSynchronous);

        // Each finished job frees exactly one worker for the next one in line.
        for (var i = 0; i < works.Length; i++)
        {
            works[i].Open();
            if (i + 2 < works.Length) await works[i + 2].Started.Task.WaitAsync(Patience);
        }

        Assert.Equal(works.Select((_, i) => $"job-{i}"), await Task.WhenAll(results).WaitAsync(Patience));
        Assert.Equal(2, mostConcurrent);
        Assert.Equal(0, scheduler.QueuedSynchronous);
    }

    [Theory]
    [InlineData(80, "s0 s1 s2 s3 a0 s4 s5 s6 s7 a1 a2 a3")]
    [InlineData(50, "s0 a0 s1 a1 s2 a2 s3 a3 s4 s5 s6 s7")]
    [InlineData(20, "s0 a0 a1 a2 a3 s1 s2 s3 s4 s5 s6 s7")]
    public async Task A_free_worker_follows_the_synchronous_priority_then_takes_whatever_is_left(int priority, string expectedOrder)
    {
        var scheduler = Create(workers: 1, synchronousPriority: priority);
        var (blocker, _) = await OccupyWorkerAsync(scheduler);
        var order = new ConcurrentQueue<string>();
        var results = new List<Task<string>>();
        for (var i = 0; i < 8; i++) results.Add(scheduler.EnqueueAsync($"s{i}", WorkPriority.Synchronous, Recording(order, $"s{i}"), None));
        for (var i = 0; i < 4; i++) results.Add(scheduler.EnqueueAsync($"a{i}", WorkPriority.Asynchronous, Recording(order, $"a{i}"), None));
        Assert.Equal(8, scheduler.QueuedSynchronous);
        Assert.Equal(4, scheduler.QueuedAsynchronous);

        blocker.Open();
        await Task.WhenAll(results).WaitAsync(Patience);

        Assert.Equal(expectedOrder, string.Join(' ', order));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(33)]
    [InlineData(80)]
    [InlineData(99)]
    public async Task While_both_queues_have_work_the_synchronous_share_never_strays_from_the_priority(int priority)
    {
        var scheduler = Create(workers: 1, queueSize: 1000, synchronousPriority: priority);
        var (blocker, _) = await OccupyWorkerAsync(scheduler);
        var order = new ConcurrentQueue<string>();
        var results = new List<Task<string>>();
        for (var i = 0; i < 100; i++)
        {
            results.Add(scheduler.EnqueueAsync($"s{i}", WorkPriority.Synchronous, Recording(order, "s"), None));
            results.Add(scheduler.EnqueueAsync($"a{i}", WorkPriority.Asynchronous, Recording(order, "a"), None));
        }

        blocker.Open();
        await Task.WhenAll(results).WaitAsync(Patience);

        // 100 picks cannot empty either queue, so every one of them was a weighted choice.
        var synchronous = 0;
        foreach (var (pick, n) in order.Take(100).Select((pick, i) => (pick, i + 1)))
        {
            if (pick == "s") synchronous++;
            Assert.InRange(synchronous - n * priority / 100.0, -1.0, 1.0);
        }
        Assert.Equal(priority, synchronous);
    }

    [Theory]
    [InlineData(99, WorkPriority.Asynchronous)]
    [InlineData(1, WorkPriority.Synchronous)]
    public async Task Workers_take_from_the_other_queue_when_the_favoured_one_is_empty(int priority, WorkPriority only)
    {
        var scheduler = Create(workers: 2, synchronousPriority: priority);
        var order = new ConcurrentQueue<string>();

        var results = Enumerable.Range(0, 5).Select(i => scheduler.EnqueueAsync($"job-{i}", only, Recording(order, $"job-{i}"), None));

        Assert.Equal(["job-0", "job-1", "job-2", "job-3", "job-4"], await Task.WhenAll(results).WaitAsync(Patience));
        Assert.Equal(5, order.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
