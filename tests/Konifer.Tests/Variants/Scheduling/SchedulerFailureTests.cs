using Konifer.Variants.Scheduling;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Variants.Scheduling;

public sealed class SchedulerFailureTests : SchedulerTestBase
{
    [Fact]
    public async Task A_failing_job_reaches_its_caller_and_the_worker_goes_on()
    {
        var scheduler = Create(workers: 1);

        var failed = scheduler.EnqueueAsync<string>("broken", WorkPriority.Synchronous,
            async _ => { await Task.Yield(); throw new InvalidOperationException("libvips said no"); }, None);
        var thrownAtOnce = scheduler.EnqueueAsync<string>("throws-at-once", WorkPriority.Synchronous,
            _ => throw new InvalidOperationException("no task at all"), None);
        var next = scheduler.EnqueueAsync("next", WorkPriority.Synchronous, _ => Task.FromResult("next"), None);

        Assert.Equal("libvips said no", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed.WaitAsync(Patience))).Message);
        Assert.Equal("no task at all", (await Assert.ThrowsAsync<InvalidOperationException>(() => thrownAtOnce.WaitAsync(Patience))).Message);
        Assert.Equal("next", await next.WaitAsync(Patience));
        Assert.DoesNotContain(Logger.Entries, entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_failing_eager_job_is_logged_and_the_worker_goes_on()
    {
        var scheduler = Create(workers: 1);

        var failed = scheduler.EnqueueAsync<string>("eager-1", WorkPriority.Asynchronous,
            _ => Task.FromException<string>(new InvalidOperationException("disk full")), None);
        var next = scheduler.EnqueueAsync("eager-2", WorkPriority.Asynchronous, _ => Task.FromResult("eager-2"), None);

        Assert.Equal("eager-2", await next.WaitAsync(Patience));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed.WaitAsync(Patience));
        var logged = Assert.Single(Logger.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Equal("eager-1", logged.Values["JobKey"]);
        Assert.Equal("disk full", logged.Exception?.Message);
    }
}
