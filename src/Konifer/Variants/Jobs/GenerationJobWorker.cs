using System.Collections.Concurrent;
using Konifer.Core.Assets;
using Konifer.Core.Transformations;
using Konifer.Variants.Claims;
using Konifer.Variants.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants.Jobs;

/// <summary>
/// Runs the queued generation jobs on this instance: takes due jobs while fewer than <c>variant-generation.workers</c>
/// of its jobs are running (more would hold leases only to wait in the scheduler), runs them, renews their leases
/// every third of the lease, and completes them, retries them with backoff, or gives up after
/// <see cref="GenerationJobSettings.MaxAttempts"/> with a warning. Wakes when this instance queues a job or a job
/// finishes, and polls for jobs queued elsewhere.
/// <para>
/// Drain: on shutdown no new job is taken, and running jobs may finish within the host's shutdown timeout; the leases
/// of those that do not are released (not left to run out), so that another instance takes them at once.
/// </para>
/// </summary>
public sealed partial class GenerationJobWorker : BackgroundService
{
    /// <summary>How long releasing the leases of unfinished jobs may take once the shutdown timeout is over.</summary>
    private static readonly TimeSpan ReleaseBound = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MaxQueueBackoff = TimeSpan.FromSeconds(30);

    private readonly IGenerationJobQueue _queue;
    private readonly IGenerationJobRunner _runner;
    private readonly GenerationJobSignal _signal;
    private readonly GenerationJobSettings _settings;
    private readonly int _capacity;
    private readonly TimeProvider _clock;
    private readonly ILogger<GenerationJobWorker> _logger;
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly CancellationTokenSource _renewing = new();
    private Task _renewal = Task.CompletedTask;
    private volatile bool _stopping;

    public GenerationJobWorker(
        IGenerationJobQueue queue,
        IGenerationJobRunner runner,
        GenerationJobSignal signal,
        VariantGenerationSettings generation,
        InstanceId instance,
        TimeProvider clock,
        ILogger<GenerationJobWorker> logger)
    {
        Owner = instance.Value;
        _queue = queue;
        _runner = runner;
        _signal = signal;
        _settings = generation.Jobs;
        _capacity = generation.Workers;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Who holds this instance's leases: the instance id its claims name too, logged at start-up.</summary>
    public string Owner { get; }

    /// <summary>Jobs this instance holds right now.</summary>
    public int Running => _running.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _renewal = RenewAsync(_renewing.Token);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var room = _capacity - _running.Count;
                if (room > 0)
                {
                    // Not cancelled by shutdown: a take cut off after the server committed it would strand its jobs
                    // until their leases ran out. It is one short statement.
                    var jobs = await _queue.TakeAsync(Owner, room, _clock.GetUtcNow(), _settings.Lease, CancellationToken.None).ConfigureAwait(false);
                    failures = 0;
                    foreach (var job in jobs) Start(job);
                }
                await _signal.WaitAsync(_settings.PollInterval, _clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                failures++;
                var delay = TimeSpan.FromTicks(Math.Min(MaxQueueBackoff.Ticks, _settings.PollInterval.Ticks << Math.Min(failures, 16)));
                LogTakeFailed(_logger, exception, delay);
                try
                {
                    await Task.Delay(delay, _clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        await base.StopAsync(cancellationToken).ConfigureAwait(false); // the take loop ends: nothing new is taken
        var left = _running.Values.ToArray();
        if (left.Length > 0)
        {
            LogDraining(_logger, left.Length);
            try
            {
                await Task.WhenAll(left).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                LogReleasing(_logger, _running.Count);
                // Each unfinished job stops waiting for its generation and releases its lease.
                await _abandon.CancelAsync().ConfigureAwait(false);
                try
                {
                    await Task.WhenAll(_running.Values.ToArray()).WaitAsync(ReleaseBound, _clock).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Their leases run out instead.
                }
            }
        }
        await _renewing.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        _renewing.Dispose();
        base.Dispose();
    }

    /// <summary>Registers the job before it runs, so that its own removal at the end cannot come first.</summary>
    private void Start(GenerationJob job)
    {
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running[job.Id] = RunWhenRegisteredAsync(registered.Task, job);
        registered.SetResult();
    }

    private async Task RunWhenRegisteredAsync(Task registered, GenerationJob job)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await RunAsync(job).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The queue could not be told; the lease runs out and the job is taken again.
            LogQueueUpdateFailed(_logger, exception, job.Transformation, job.Path, job.EntryId);
        }
        finally
        {
            _running.TryRemove(job.Id, out _);
            _signal.Nudge(); // room for another job
        }
    }

    private async Task RunAsync(GenerationJob job)
    {
        if (job.Attempt > _settings.MaxAttempts)
        {
            // Taken that often without an outcome: its takers died or stopped hard while running it (e.g. killed for memory).
            LogGaveUpUnfinished(_logger, job.Transformation, job.Path, job.EntryId, job.Attempt - 1);
            await _queue.CompleteAsync(job.Id, Owner, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        Exception? failure;
        try
        {
            await _runner.RunAsync(job, _abandon.Token).ConfigureAwait(false);
            await _queue.CompleteAsync(job.Id, Owner, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (_abandon.IsCancellationRequested
            || (_stopping && exception is OperationCanceledException or ObjectDisposedException))
        {
            // Not tried to the end: the drain timed out, or the scheduler stopped under it.
            using var bound = new CancellationTokenSource(ReleaseBound, _clock);
            await _queue.ReleaseAsync(Owner, [job.Id], bound.Token).ConfigureAwait(false);
            return;
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        if (job.Attempt >= _settings.MaxAttempts)
        {
            LogGaveUp(_logger, failure, job.Transformation, job.Path, job.EntryId, job.Attempt);
            await _queue.CompleteAsync(job.Id, Owner, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        var backoff = _settings.BackoffAfter(job.Attempt);
        LogRetrying(_logger, failure, job.Transformation, job.Path, job.EntryId, job.Attempt, backoff);
        await _queue.RetryLaterAsync(job.Id, Owner, _clock.GetUtcNow() + backoff, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Keeps the leases of running jobs, until the drain is over.</summary>
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(_settings.RenewInterval, _clock, cancellationToken).ConfigureAwait(false);
                var ids = _running.Keys.ToArray();
                if (ids.Length == 0) continue;
                var held = await _queue.RenewAsync(Owner, ids, _clock.GetUtcNow() + _settings.Lease, cancellationToken).ConfigureAwait(false);
                var lost = ids.Count(id => !held.Contains(id) && _running.ContainsKey(id));
                if (lost > 0) LogLeasesLost(_logger, lost);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRenewFailed(_logger, exception, _settings.RenewInterval);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking generation jobs failed; trying again in {Delay}")]
    private static partial void LogTakeFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the leases of generation jobs failed; trying again in {Interval}")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} generation jobs ran past their lease and may be taken by another instance too (raise variant-generation.jobs.lease)")]
    private static partial void LogLeasesLost(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outcome of the generation job {Transformation} of {Path} entry {EntryId} was not recorded; it runs again after its lease")]
    private static partial void LogQueueUpdateFailed(ILogger logger, Exception exception, Transformation transformation, AssetPath path, long entryId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Eager variant {Transformation} of {Path} entry {EntryId} failed (attempt {Attempt}); retrying in {Backoff}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, Transformation transformation, AssetPath path, long entryId, int attempt, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Eager variant {Transformation} of {Path} entry {EntryId} is given up after {Attempts} failed attempts; it is generated on first request")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, Transformation transformation, AssetPath path, long entryId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Eager variant {Transformation} of {Path} entry {EntryId} is given up: taken {Attempts} times and never finished; it is generated on first request")]
    private static partial void LogGaveUpUnfinished(ILogger logger, Transformation transformation, AssetPath path, long entryId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation jobs: stopping, waiting for {Count} running jobs to finish")]
    private static partial void LogDraining(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation jobs: {Count} did not finish within the shutdown timeout; their leases are released for another instance")]
    private static partial void LogReleasing(ILogger logger, int count);
}
