using Konifer.Variants.Claims;
using System.Collections.Concurrent;
using System.Diagnostics;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Storage.Metadata;
using Konifer.Tests.Storage;
using Konifer.Tests.TestSupport;
using Konifer.Variants.Jobs;
using Konifer.Variants.Scheduling;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Variants.Jobs;

/// <summary>The worker loop on the in-memory queue with a runner the test controls: retries, giving up, capacity, wake-up, drain.</summary>
public sealed class GenerationJobWorkerTests : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly InMemoryGenerationJobQueue _queue = new();
    private readonly GenerationJobSignal _signal = new();
    private readonly CapturingLogger<GenerationJobWorker> _log = new();
    private readonly ScriptedRunner _runner = new();
    private GenerationJobWorker? _worker;

    private sealed class ScriptedRunner : IGenerationJobRunner
    {
        public Func<GenerationJob, CancellationToken, Task> Run { get; set; } = (_, _) => Task.CompletedTask;

        public ConcurrentQueue<(GenerationJob Job, TimeSpan At)> Calls { get; } = new();

        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public Task RunAsync(GenerationJob job, CancellationToken cancellationToken)
        {
            Calls.Enqueue((job, _clock.Elapsed));
            return Run(job, cancellationToken);
        }
    }

    private GenerationJobWorker Start(int workers = 2, int maxAttempts = 5, TimeSpan? backoff = null, TimeSpan? poll = null)
    {
        var settings = new VariantGenerationSettings(workers, 10, 80)
        {
            Jobs = new GenerationJobSettings(TimeSpan.FromMinutes(1), poll ?? TimeSpan.FromMilliseconds(50), maxAttempts, backoff ?? TimeSpan.FromMilliseconds(50)),
        };
        _worker = new GenerationJobWorker(_queue, _runner, _signal, settings, InstanceId.ForThisProcess(), TimeProvider.System, _log);
        _worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return _worker;
    }

    private Task EnqueueAsync(int count = 1) =>
        _queue.EnqueueAsync(Enumerable.Range(1, count).Select(i => new NewGenerationJob(Guid.NewGuid(), AssetPath.Parse("/jobs/a"), 0, Thumb(i))).ToList(),
            DateTimeOffset.UtcNow, CancellationToken.None);

    private Task UntilEmptyAsync(string what) =>
        Eventually.UntilAsync(() => _queue.CountAsync(CancellationToken.None), count => count == 0, Bound, what);

    [Fact]
    public async Task A_job_that_keeps_failing_is_retried_after_a_growing_backoff_and_given_up_after_max_attempts_with_a_warning()
    {
        _runner.Run = (_, _) => throw new InvalidOperationException("broken");
        Start(maxAttempts: 3, backoff: TimeSpan.FromMilliseconds(100));
        await EnqueueAsync();

        await UntilEmptyAsync("Giving the job up");

        var calls = _runner.Calls.ToArray();
        Assert.Equal([1, 2, 3], calls.Select(c => c.Job.Attempt));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(100), $"retried after {calls[1].At - calls[0].At}");
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromMilliseconds(200), $"retried after {calls[2].At - calls[1].At}");
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("given up after 3 failed attempts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_that_fails_once_is_done_on_its_second_attempt()
    {
        _runner.Run = (job, _) => job.Attempt == 1 ? throw new IOException("store hiccup") : Task.CompletedTask;
        Start();
        await EnqueueAsync();

        await UntilEmptyAsync("Completing the job on its retry");

        Assert.Equal([1, 2], _runner.Calls.Select(c => c.Job.Attempt));
        Assert.DoesNotContain(_log.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_job_taken_more_often_than_max_attempts_without_an_outcome_is_given_up_without_running_it()
    {
        await EnqueueAsync();
        // Three takers that died mid-job (a zero lease runs out at once).
        for (var i = 0; i < 3; i++) Assert.Single(await _queue.TakeAsync($"dead-{i}", 1, DateTimeOffset.UtcNow, TimeSpan.Zero, CancellationToken.None));

        Start(maxAttempts: 3);

        await UntilEmptyAsync("Giving the orphaned job up");
        Assert.Empty(_runner.Calls);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("never finished", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_more_jobs_are_taken_than_there_are_generation_workers()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _runner.Run = (_, token) => gate.Task.WaitAsync(token);
        var worker = Start(workers: 2);
        await EnqueueAsync(5);

        await Eventually.UntilAsync(() => Task.FromResult(worker.Running), running => running == 2, Bound, "Taking two jobs");
        await Task.Delay(300); // several polls
        Assert.Equal(2, _runner.Calls.Count);
        Assert.Equal(2, worker.Running);

        gate.SetResult();
        await UntilEmptyAsync("Running the other jobs once there was room");
        Assert.Equal(5, _runner.Calls.Count);
    }

    [Fact]
    public async Task A_job_queued_on_this_instance_wakes_the_worker_without_waiting_for_the_poll()
    {
        Start(poll: TimeSpan.FromMinutes(10));
        await Task.Delay(100); // the worker has looked once and waits for its next poll

        await EnqueueAsync();
        _signal.Nudge();

        await UntilEmptyAsync("Running the nudged job long before the poll");
    }

    [Fact]
    public async Task Stopping_lets_a_running_job_finish_within_the_shutdown_timeout()
    {
        var finished = 0;
        _runner.Run = async (_, _) =>
        {
            await Task.Delay(300);
            Interlocked.Increment(ref finished);
        };
        var worker = Start();
        await EnqueueAsync();
        await Eventually.UntilAsync(() => Task.FromResult(worker.Running), running => running == 1, Bound, "Taking the job");

        using var shutdown = new CancellationTokenSource(Bound);
        await worker.StopAsync(shutdown.Token);

        Assert.Equal(1, finished);
        Assert.Equal(0, await _queue.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Stopping_releases_a_job_that_does_not_finish_within_the_shutdown_timeout_so_another_instance_takes_it_at_once()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _runner.Run = async (_, token) =>
        {
            using var registration = token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
        };
        var worker = Start();
        await EnqueueAsync();
        await Eventually.UntilAsync(() => Task.FromResult(worker.Running), running => running == 1, Bound, "Taking the job");

        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await worker.StopAsync(shutdown.Token).WaitAsync(Bound);

        Assert.True(cancelled.Task.IsCompleted, "the job's wait was not ended");
        // Due now, not after the minute-long lease, and the unfinished try is not counted against the job.
        var taken = Assert.Single(await _queue.TakeAsync("other", 10, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Equal(1, taken.Attempt);
    }

    private static Transformation Thumb(int width) =>
        new(width, width, Fit.Fit, Gravity.Center, ImageFormat.Webp, Rotation.Zero, Flip.None, Filter.None, 0, 80, Padding.None, MetadataStrip.None, ColorSpace.Srgb);

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(CancellationToken.None);
            _worker.Dispose();
        }
        _signal.Dispose();
    }
}
