using Konifer.Variants.Scheduling;

namespace Konifer.Tests.Variants.Scheduling;

/// <summary>
/// Large jobs (over <c>large-job-pixels</c>) hold at most <c>workers − 1</c> workers, so small jobs never wait
/// behind them. Gated jobs make every decision observable: a job that stays queued is checked only at a point where
/// no worker is free to take it, or after a later job has started, which proves a worker looked at the queue.
/// </summary>
public sealed class SchedulerLaneTests : SchedulerTestBase
{
    private const long LargePixels = 1_000;
    private const long SmallPixels = 10;

    private VariantGenerationScheduler CreateLanes(int workers, int maxBypass = VariantGenerationSettings.DefaultMaxBypass) =>
        Create(new VariantGenerationSettings(workers, 100, 80) { LargeJobPixels = 100, MaxBypass = maxBypass });

    private static (GatedWork Work, Task<string> Result) Submit(VariantGenerationScheduler scheduler, string key, long pixels,
        Action<bool>? running = null)
    {
        var work = new GatedWork(key);
        var result = scheduler.EnqueueAsync(key, WorkPriority.Synchronous, new JobCost(0, pixels), async token =>
        {
            running?.Invoke(true);
            try { return await work.RunAsync(token); }
            finally { running?.Invoke(false); }
        }, None);
        return (work, result);
    }

    [Fact]
    public async Task A_small_job_starts_at_once_while_large_jobs_run_and_more_wait()
    {
        var scheduler = CreateLanes(workers: 2);
        var large = Enumerable.Range(0, 4).Select(i => Submit(scheduler, $"large{i}", LargePixels)).ToArray();
        await large[0].Work.Started.Task.WaitAsync(Patience);

        var (thumbnail, thumbnailResult) = Submit(scheduler, "thumbnail", SmallPixels);
        await thumbnail.Started.Task.WaitAsync(Patience);
        thumbnail.Open();
        Assert.Equal("thumbnail", await thumbnailResult.WaitAsync(Patience));

        // The thumbnail ran on the second worker, which the three waiting large jobs could not take.
        Assert.All(large.Skip(1), job => Assert.False(job.Work.Started.Task.IsCompleted));
        Assert.Equal(3, scheduler.QueuedSynchronous);
        foreach (var job in large) job.Work.Open();
        Assert.Equal(["large0", "large1", "large2", "large3"], await Task.WhenAll(large.Select(j => j.Result)).WaitAsync(Patience));
    }

    [Fact]
    public async Task Small_jobs_keep_starting_while_a_large_job_waits_for_another_past_the_bypass_bound()
    {
        var scheduler = CreateLanes(workers: 2, maxBypass: 1);
        var (first, firstResult) = Submit(scheduler, "first", LargePixels);
        await first.Started.Task.WaitAsync(Patience);
        var (second, secondResult) = Submit(scheduler, "second", LargePixels);

        // Passing "second" costs it nothing (it waits for "first"), so the bound of one pass never stops them.
        for (var i = 0; i < 5; i++)
        {
            var (thumbnail, result) = Submit(scheduler, $"thumbnail{i}", SmallPixels);
            await thumbnail.Started.Task.WaitAsync(Patience);
            thumbnail.Open();
            await result.WaitAsync(Patience);
        }
        Assert.False(second.Started.Task.IsCompleted);

        first.Open();
        await second.Started.Task.WaitAsync(Patience);
        second.Open();
        await Task.WhenAll(firstResult, secondResult).WaitAsync(Patience);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Large_jobs_never_hold_more_than_workers_minus_one_and_each_that_finishes_lets_the_next_start(int workers)
    {
        var scheduler = CreateLanes(workers);
        var concurrent = 0;
        var mostConcurrent = 0;
        void Running(bool starting)
        {
            var now = starting ? Interlocked.Increment(ref concurrent) : Interlocked.Decrement(ref concurrent);
            InterlockedMax(ref mostConcurrent, now);
        }
        var large = Enumerable.Range(0, 2 * workers).Select(i => Submit(scheduler, $"large{i}", LargePixels, Running)).ToArray();
        for (var i = 0; i < workers - 1; i++) await large[i].Work.Started.Task.WaitAsync(Patience);

        // The last worker is free, but only for small jobs.
        var (small, smallResult) = Submit(scheduler, "small", SmallPixels);
        await small.Started.Task.WaitAsync(Patience);
        Assert.False(large[workers - 1].Work.Started.Task.IsCompleted);
        Assert.Equal(workers, scheduler.Running);

        for (var i = 0; i < large.Length; i++)
        {
            large[i].Work.Open();
            if (i + workers - 1 < large.Length) await large[i + workers - 1].Work.Started.Task.WaitAsync(Patience);
        }
        await Task.WhenAll(large.Select(j => j.Result)).WaitAsync(Patience);
        Assert.Equal(workers - 1, mostConcurrent);
        small.Open();
        Assert.Equal("small", await smallResult.WaitAsync(Patience));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Large_jobs_all_complete_while_a_steady_stream_of_small_jobs_arrives(int workers)
    {
        var scheduler = CreateLanes(workers, maxBypass: 2);
        var large = Enumerable.Range(0, 3).Select(i => Submit(scheduler, $"large{i}", LargePixels)).ToArray();

        // A small job is always queued or running: the next one arrives before the current one is let go.
        using var stop = new CancellationTokenSource();
        using var smallDone = new SemaphoreSlim(0);
        var stream = Task.Run(async () =>
        {
            var (current, result) = Submit(scheduler, "small0", SmallPixels);
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                await current.Started.Task.WaitAsync(Patience);
                var next = Submit(scheduler, $"small{i}", SmallPixels);
                current.Open();
                await result.WaitAsync(Patience);
                smallDone.Release();
                (current, result) = next;
            }
            await current.Started.Task.WaitAsync(Patience);
            current.Open();
            await result.WaitAsync(Patience);
        });

        // Each large job starts in turn although small ones keep coming, and small ones keep finishing meanwhile.
        foreach (var (work, result) in large)
        {
            await work.Started.Task.WaitAsync(Patience);
            while (smallDone.Wait(0)) { } // count only small jobs that finish while this large one runs
            for (var i = 0; i < 3; i++) Assert.True(await smallDone.WaitAsync(Patience), "small jobs stopped while a large one ran");
            work.Open();
            await result.WaitAsync(Patience);
        }
        await stop.CancelAsync();
        await stream.WaitAsync(Patience);
        Assert.All(large, job => Assert.Equal(TaskStatus.RanToCompletion, job.Result.Status));
    }

    [Fact]
    public async Task With_one_worker_a_small_job_runs_beside_a_large_one_but_not_beside_another_small_one()
    {
        var scheduler = CreateLanes(workers: 1);
        var (large, largeResult) = Submit(scheduler, "large", LargePixels);
        await large.Started.Task.WaitAsync(Patience);

        var (first, firstResult) = Submit(scheduler, "first", SmallPixels);
        await first.Started.Task.WaitAsync(Patience);
        Assert.Equal(2, scheduler.Running);

        // Both the worker and the lane are busy: the second small job waits for the first.
        var (second, secondResult) = Submit(scheduler, "second", SmallPixels);
        Assert.Equal(1, scheduler.QueuedSynchronous);
        first.Open();
        Assert.Equal("first", await firstResult.WaitAsync(Patience));
        await second.Started.Task.WaitAsync(Patience);
        second.Open();
        await secondResult.WaitAsync(Patience);

        // A second large job does not take the lane.
        var (another, anotherResult) = Submit(scheduler, "another", LargePixels);
        var (third, thirdResult) = Submit(scheduler, "third", SmallPixels);
        await third.Started.Task.WaitAsync(Patience);
        Assert.False(another.Started.Task.IsCompleted);
        third.Open();
        await thirdResult.WaitAsync(Patience);
        large.Open();
        await largeResult.WaitAsync(Patience);
        await another.Started.Task.WaitAsync(Patience);
        another.Open();
        Assert.Equal("another", await anotherResult.WaitAsync(Patience));
    }

    [Fact]
    public async Task With_one_worker_jobs_run_one_at_a_time_unless_a_small_one_joins_a_large_one()
    {
        var scheduler = CreateLanes(workers: 1);
        var concurrent = 0;
        var mostConcurrent = 0;
        void Running(bool starting)
        {
            var now = starting ? Interlocked.Increment(ref concurrent) : Interlocked.Decrement(ref concurrent);
            InterlockedMax(ref mostConcurrent, now);
        }
        var (first, firstResult) = Submit(scheduler, "first", SmallPixels, Running);
        await first.Started.Task.WaitAsync(Patience);
        var (second, secondResult) = Submit(scheduler, "second", SmallPixels, Running);
        var (large, largeResult) = Submit(scheduler, "large", LargePixels, Running);

        first.Open();
        await second.Started.Task.WaitAsync(Patience);
        second.Open();
        await large.Started.Task.WaitAsync(Patience);
        large.Open();
        Assert.Equal(["first", "second", "large"], await Task.WhenAll(firstResult, secondResult, largeResult).WaitAsync(Patience));
        Assert.Equal(1, mostConcurrent);
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
