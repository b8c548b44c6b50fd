using Konifer.Variants.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Konifer.Tests.Variants.Scheduling;

/// <summary><c>variant-generation.timeout</c>, driven by a fake clock: no assertion depends on real time.</summary>
public sealed class SchedulerTimeoutTests : SchedulerTestBase
{
    private static VariantGenerationSettings OneWorker(TimeSpan timeout) => new(1, 100, 80) { Timeout = timeout };

    [Fact]
    public async Task A_job_past_the_timeout_is_cancelled_its_callers_get_a_timeout_and_the_worker_takes_the_next_job()
    {
        var clock = new FakeTimeProvider();
        var scheduler = Create(OneWorker(TimeSpan.FromSeconds(60)), clock);
        var slow = new GatedWork("slow");
        var first = scheduler.EnqueueAsync("slow", WorkPriority.Synchronous, slow.RunAsync, None);
        var joined = scheduler.EnqueueAsync("slow", WorkPriority.Synchronous, slow.RunAsync, None);
        var next = scheduler.EnqueueAsync("next", WorkPriority.Synchronous, _ => Task.FromResult("next"), None);
        await slow.Started.Task.WaitAsync(Patience);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(slow.TokenCancelled.Task.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await slow.TokenCancelled.Task.WaitAsync(Patience);
        var timeout = await Assert.ThrowsAsync<GenerationTimeoutException>(() => first.WaitAsync(Patience));
        Assert.Contains("variant-generation.timeout (60 s)", timeout.Message);
        await Assert.ThrowsAsync<GenerationTimeoutException>(() => joined.WaitAsync(Patience));
        Assert.Equal("next", await next.WaitAsync(Patience)); // one worker: it was freed
        Assert.Equal(0, scheduler.Running);
    }

    [Fact]
    public async Task Time_spent_queued_does_not_count()
    {
        var clock = new FakeTimeProvider();
        var scheduler = Create(OneWorker(TimeSpan.FromSeconds(10)), clock);
        var (blocker, blocked) = await OccupyWorkerAsync(scheduler);
        var queued = new GatedWork("queued");
        var result = scheduler.EnqueueAsync("queued", WorkPriority.Synchronous, queued.RunAsync, None);

        clock.Advance(TimeSpan.FromSeconds(9)); // the blocker's clock, not the queued job's
        blocker.Open();
        Assert.Equal("blocker", await blocked.WaitAsync(Patience));
        await queued.Started.Task.WaitAsync(Patience);
        clock.Advance(TimeSpan.FromSeconds(9));
        queued.Open();

        Assert.Equal("queued", await result.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_caller_that_leaves_still_cancels_rather_than_times_out()
    {
        var clock = new FakeTimeProvider();
        var scheduler = Create(OneWorker(TimeSpan.FromSeconds(60)), clock);
        var work = new GatedWork("k");
        using var client = new CancellationTokenSource();
        var waiting = scheduler.EnqueueAsync("k", WorkPriority.Synchronous, work.RunAsync, client.Token);
        await work.Started.Task.WaitAsync(Patience);

        await client.CancelAsync();

        var error = await Record.ExceptionAsync(() => waiting.WaitAsync(Patience));
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        await work.TokenCancelled.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task Callers_hear_of_the_overrun_at_the_deadline_even_when_the_work_cannot_stop_at_once()
    {
        // Like an encoder's final pass: the work ignores its token. The answer comes at the deadline; the worker
        // stays taken (its memory too) until the work ends, and the result is not used.
        var clock = new FakeTimeProvider();
        var scheduler = Create(OneWorker(TimeSpan.FromSeconds(10)), clock);
        var stubborn = new GatedWork("late result") { HonoursCancellation = false };
        var caller = scheduler.EnqueueAsync("stubborn", WorkPriority.Synchronous, stubborn.RunAsync, None);
        var next = scheduler.EnqueueAsync("next", WorkPriority.Synchronous, _ => Task.FromResult("next"), None);
        await stubborn.Started.Task.WaitAsync(Patience);

        clock.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<GenerationTimeoutException>(() => caller.WaitAsync(Patience));
        var joining = scheduler.EnqueueAsync("stubborn", WorkPriority.Synchronous, stubborn.RunAsync, None);
        await Assert.ThrowsAsync<GenerationTimeoutException>(() => joining.WaitAsync(Patience));
        Assert.Equal(1, scheduler.Running);
        Assert.False(next.IsCompleted);
        stubborn.Open();
        Assert.Equal("next", await next.WaitAsync(Patience));
        Assert.Equal(1, stubborn.Runs);
    }
}
