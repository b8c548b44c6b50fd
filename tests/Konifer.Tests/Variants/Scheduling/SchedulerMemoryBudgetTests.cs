using System.Collections.Concurrent;
using Konifer.Variants.Scheduling;

namespace Konifer.Tests.Variants.Scheduling;

/// <summary>
/// Admission against the memory budget, with gated jobs so that every decision is observed, not timed: a job starts
/// only when its cost fits what running jobs left, small jobs pass a waiting big one a bounded number of times, and
/// a job bigger than the whole budget runs alone.
/// </summary>
public sealed class SchedulerMemoryBudgetTests : SchedulerTestBase, IAsyncDisposable
{
    private readonly List<VariantGenerationScheduler> _budgeted = [];

    private VariantGenerationScheduler CreateBudgeted(long budget, int workers = 4, int maxBypass = 16)
    {
        var scheduler = new VariantGenerationScheduler(
            new VariantGenerationSettings(workers, 100, 80) { MemoryBudget = budget, MaxBypass = maxBypass }, Logger);
        _budgeted.Add(scheduler);
        return scheduler;
    }

    private static (GatedWork Work, Task<string> Result) Submit(VariantGenerationScheduler scheduler, string key, long cost,
        ConcurrentQueue<string>? starts = null, CancellationToken cancellationToken = default)
    {
        var work = new GatedWork(key);
        var result = scheduler.EnqueueAsync(key, WorkPriority.Synchronous, cost, async token =>
        {
            starts?.Enqueue(key);
            return await work.RunAsync(token);
        }, cancellationToken);
        return (work, result);
    }

    [Fact]
    public async Task A_job_that_does_not_fit_waits_although_workers_are_free_and_starts_when_memory_is_released()
    {
        var scheduler = CreateBudgeted(budget: 100, workers: 4);
        var (running, runningResult) = Submit(scheduler, "running", 60);
        await running.Started.Task.WaitAsync(Patience);

        var (waiting, waitingResult) = Submit(scheduler, "waiting", 50);
        var (small, _) = Submit(scheduler, "small", 10);
        await small.Started.Task.WaitAsync(Patience); // a worker has looked at the queue since "waiting" arrived
        Assert.False(waiting.Started.Task.IsCompleted);
        Assert.Equal(1, scheduler.QueuedSynchronous);
        Assert.Equal(70, scheduler.MemoryInUse);

        running.Open();
        Assert.Equal("running", await runningResult.WaitAsync(Patience));
        await waiting.Started.Task.WaitAsync(Patience);
        Assert.Equal(60, scheduler.MemoryInUse);
        small.Open();
        waiting.Open();
        Assert.Equal("waiting", await waitingResult.WaitAsync(Patience));
    }

    [Fact]
    public async Task Small_jobs_pass_a_waiting_big_one_which_runs_as_soon_as_it_fits()
    {
        var scheduler = CreateBudgeted(budget: 100, workers: 4);
        var starts = new ConcurrentQueue<string>();
        var (running, _) = Submit(scheduler, "running", 60, starts);
        await running.Started.Task.WaitAsync(Patience);

        var (big, bigResult) = Submit(scheduler, "big", 80, starts);
        var (thumb1, thumb1Result) = Submit(scheduler, "thumb1", 10, starts);
        var (thumb2, thumb2Result) = Submit(scheduler, "thumb2", 10, starts);
        thumb1.Open();
        thumb2.Open();
        Assert.Equal(["thumb1", "thumb2"], await Task.WhenAll(thumb1Result, thumb2Result).WaitAsync(Patience));
        Assert.False(big.Started.Task.IsCompleted);

        running.Open();
        await big.Started.Task.WaitAsync(Patience);
        big.Open();
        Assert.Equal("big", await bigResult.WaitAsync(Patience));
        Assert.Equal("running thumb1 thumb2 big", string.Join(' ', starts));
    }

    [Fact]
    public async Task Passing_is_bounded_so_the_big_job_starts_before_later_small_ones()
    {
        var scheduler = CreateBudgeted(budget: 100, workers: 4, maxBypass: 2);
        var starts = new ConcurrentQueue<string>();
        var (running, _) = Submit(scheduler, "running", 50, starts);
        await running.Started.Task.WaitAsync(Patience);
        var (big, bigResult) = Submit(scheduler, "big", 60, starts);
        var (first, _) = Submit(scheduler, "first", 10, starts);
        var (second, _) = Submit(scheduler, "second", 10, starts);
        await Task.WhenAll(first.Started.Task, second.Started.Task).WaitAsync(Patience);

        // 10 more bytes would fit (70 + 10 <= 100), but "big" has been passed twice: it goes next.
        var (third, thirdResult) = Submit(scheduler, "third", 10, starts);
        running.Open();
        await big.Started.Task.WaitAsync(Patience);
        await third.Started.Task.WaitAsync(Patience);
        foreach (var work in new[] { big, first, second, third }) work.Open();
        await Task.WhenAll(bigResult, thirdResult).WaitAsync(Patience);
        Assert.Equal("running first second big third", string.Join(' ', starts));
    }

    [Fact]
    public async Task A_job_bigger_than_the_budget_waits_until_nothing_runs_and_then_runs_alone()
    {
        var scheduler = CreateBudgeted(budget: 100, workers: 4, maxBypass: 0);
        var starts = new ConcurrentQueue<string>();
        var (small, smallResult) = Submit(scheduler, "small", 10, starts);
        await small.Started.Task.WaitAsync(Patience);

        var (huge, hugeResult) = Submit(scheduler, "huge", 500, starts);
        var (after, afterResult) = Submit(scheduler, "after", 1, starts);
        Assert.False(huge.Started.Task.IsCompleted);

        small.Open();
        await smallResult.WaitAsync(Patience);
        await huge.Started.Task.WaitAsync(Patience);
        Assert.Equal(1, scheduler.Running);
        Assert.Equal(500, scheduler.MemoryInUse);
        Assert.False(after.Started.Task.IsCompleted);

        huge.Open();
        after.Open();
        await Task.WhenAll(hugeResult, afterResult).WaitAsync(Patience);
        Assert.Equal("small huge after", string.Join(' ', starts));
        Assert.Equal(0, scheduler.MemoryInUse);
    }

    [Fact]
    public async Task A_waiting_big_job_that_its_client_abandons_no_longer_holds_back_the_queue()
    {
        var scheduler = CreateBudgeted(budget: 100, workers: 4, maxBypass: 0);
        var (running, _) = Submit(scheduler, "running", 50);
        await running.Started.Task.WaitAsync(Patience);
        using var client = new CancellationTokenSource();
        var (big, bigResult) = Submit(scheduler, "big", 60, cancellationToken: client.Token);
        var (small, smallResult) = Submit(scheduler, "small", 10);

        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bigResult.WaitAsync(Patience));
        small.Open();
        Assert.Equal("small", await smallResult.WaitAsync(Patience));
        Assert.Equal(0, big.Runs);
        running.Open();
    }

    [Fact]
    public async Task Under_a_burst_of_mixed_jobs_the_reserved_memory_never_exceeds_the_budget_and_every_job_runs()
    {
        const long budget = 100;
        var scheduler = CreateBudgeted(budget, workers: 4, maxBypass: 3);
        long[] costs = [70, 10, 40, 10, 90, 5, 30, 60, 10, 10, 100, 20, 45, 55, 5, 5];
        long inUse = 0, highest = 0;
        var started = 0;
        var jobs = costs.Select((cost, i) => scheduler.EnqueueAsync($"job{i}", i % 3 == 0 ? WorkPriority.Asynchronous : WorkPriority.Synchronous,
            cost, async _ =>
            {
                var now = Interlocked.Add(ref inUse, cost);
                InterlockedMax(ref highest, now);
                Interlocked.Increment(ref started);
                await Task.Delay(5);
                Interlocked.Add(ref inUse, -cost);
                return i;
            }, None)).ToArray();

        var finished = await Task.WhenAll(jobs).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, costs.Length), finished);
        Assert.InRange(highest, costs.Max(), budget);
        Assert.Equal(costs.Length, started);
        Assert.Equal(0, scheduler.MemoryInUse);
    }

    [Fact]
    public void Invalid_budget_settings_are_refused_naming_the_key()
    {
        var settings = new VariantGenerationSettings(1, 1, 80) { MemoryBudget = 0 };
        Assert.Contains("variant-generation.memory-budget", settings.Validate());
        var scheduler = CreateBudgeted(100);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            _ = scheduler.EnqueueAsync("k", WorkPriority.Synchronous, -1, _ => Task.FromResult(1), None);
        });
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }

    // Re-implemented so that xunit stops these schedulers too before the base class stops its own.
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        foreach (var scheduler in _budgeted) await scheduler.DisposeAsync();
        await base.DisposeAsync();
    }
}
