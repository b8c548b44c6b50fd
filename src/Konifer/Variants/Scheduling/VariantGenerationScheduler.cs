using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants.Scheduling;

/// <summary>
/// Runs variant generation on a fixed number of workers so that image work cannot swamp the machine. Work waits in
/// two bounded queues: synchronous (a client waits) and asynchronous (eager variants). When both have work a free
/// worker follows <c>synchronous-priority</c>; when one is empty it takes from the other. Jobs are identified by key:
/// a second submission of a queued or running key joins that job instead of doing the work twice, and a synchronous
/// request for a queued eager job moves it to the synchronous queue. Finished jobs are forgotten at once; caching
/// results is the caller's business.
/// </summary>
/// <remarks>
/// Memory: each job carries an estimated peak (bytes) and starts only when it fits what running jobs have left of
/// <c>memory-budget</c>. <see cref="GenerationLimits"/> refuses generation bigger than the whole budget before it
/// gets here; should such a job come anyway it starts when nothing else runs, alone, rather than never. A job that does not fit waits at the head of the line while
/// later jobs that do fit pass it, at most <see cref="VariantGenerationSettings.MaxBypass"/> times; then nothing new
/// starts until it has run, so thumbnails flow past a big conversion without starving it.
/// <para>
/// Lanes: a job over <see cref="VariantGenerationSettings.LargeJobPixels"/> is large, and large jobs together hold at
/// most <see cref="VariantGenerationSettings.LargeJobWorkers"/> (<c>workers − 1</c>) workers, so a worker is always
/// left for small jobs and a thumbnail never waits behind full-size conversions, only behind other small jobs. A large job
/// waiting for a large job to finish is passed by small jobs freely (they do not take what it waits for); a job
/// waiting for memory or a worker is passed at most <see cref="VariantGenerationSettings.MaxBypass"/> times, as above.
/// With one worker, large jobs may use it, and one small job may run beside them on a lane task of its own: the
/// only case where more jobs than <c>workers</c> run.
/// </para>
/// </remarks>
public sealed partial class VariantGenerationScheduler : IAsyncDisposable
{
    private readonly VariantGenerationSettings _settings;
    private readonly ILogger<VariantGenerationScheduler> _logger;
    private readonly TimeProvider _time;

    private readonly Lock _gate = new();
    private readonly LinkedList<ScheduledJob> _synchronous = new();
    private readonly LinkedList<ScheduledJob> _asynchronous = new();
    private readonly Dictionary<string, ScheduledJob> _joinable = new(StringComparer.Ordinal);
    private readonly RunningJobs _running;
    private readonly SynchronousShare _share;
    private readonly BacklogEstimate _backlog = new();

    // One permit per queued job; a permit left over by a job that was dropped only causes a harmless empty look.
    private readonly SemaphoreSlim _workQueued = new(0);

    // Completed (and replaced) whenever memory is released or work arrives, so that a worker waiting for room retries.
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ScheduledJob? _starving; // a job bypassed MaxBypass times: nothing else starts before it
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _workers;
    private readonly SchedulerInstruments? _instruments;
    private bool _stopped;
    private bool _disposed;

    public VariantGenerationScheduler(
        VariantGenerationSettings settings,
        ILogger<VariantGenerationScheduler> logger,
        TimeProvider? timeProvider = null,
        IMeterFactory? meters = null)
    {
        if (settings.Validate() is { } problem) throw new ArgumentException(problem, nameof(settings));
        _settings = settings;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _share = new SynchronousShare(settings.SynchronousPriority);
        _running = new RunningJobs(settings);
        _instruments = meters is null ? null : new SchedulerInstruments(meters, this);
        // One task more than large jobs may hold, so a small job always finds one (the lane, with a single worker).
        _workers = new Task[Math.Max(settings.Workers, settings.LargeJobWorkers + 1)];
        for (var i = 0; i < _workers.Length; i++) _workers[i] = Task.Run(() => WorkAsync(_stopping.Token));
    }

    /// <summary>Jobs waiting in the synchronous queue (including promoted eager jobs).</summary>
    public int QueuedSynchronous
    {
        get { lock (_gate) return _synchronous.Count; }
    }

    /// <summary>Jobs waiting in the asynchronous queue.</summary>
    public int QueuedAsynchronous
    {
        get { lock (_gate) return _asynchronous.Count; }
    }

    /// <summary>Bytes reserved by running jobs (their estimated peaks); at most the budget, except for one oversized job running alone.</summary>
    public long MemoryInUse
    {
        get { lock (_gate) return _running.MemoryInUse; }
    }

    /// <summary><c>variant-generation.memory-budget</c> in bytes.</summary>
    public long MemoryBudget => _settings.MemoryBudget;

    /// <summary><c>variant-generation.large-job-pixels</c>: jobs over it are large.</summary>
    public long LargeJobPixels => _settings.LargeJobPixels;

    /// <summary>
    /// Jobs a worker is executing right now: never more than <c>variant-generation.workers</c>, except with one worker,
    /// where a small job may run beside a large one.
    /// </summary>
    public int Running
    {
        get { lock (_gate) return _running.Count; }
    }

    /// <summary>
    /// Queues <paramref name="work"/> under <paramref name="key"/>, or joins the queued or running job with that key,
    /// and returns its result. <paramref name="cancellationToken"/> only ends this caller's wait; a synchronous
    /// caller that was the last one interested also drops the job (queued) or cancels its token (running). A job
    /// that an asynchronous submission wants is only ever cancelled by shutdown.
    /// </summary>
    /// <remarks>
    /// The returned task fails with <see cref="SchedulerQueueFullException"/> when the job is new and its queue
    /// already holds <c>queue-size</c> jobs (nothing is queued then), with <see cref="ObjectDisposedException"/> once
    /// the scheduler is stopping, and with <see cref="InvalidOperationException"/> when a job with this key but
    /// another result type is in progress.
    /// </remarks>
    public Task<T> EnqueueAsync<T>(
        string key,
        WorkPriority priority,
        Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken) =>
        EnqueueAsync(key, priority, new JobCost(0, 0), work, cancellationToken);

    /// <summary>
    /// As <see cref="EnqueueAsync{T}(string, WorkPriority, Func{CancellationToken, Task{T}}, CancellationToken)"/>,
    /// for work that needs about <paramref name="memoryCost"/> bytes at its peak: it starts only when that fits the
    /// memory budget (see the class remarks). A caller joining a queued or running job shares that job's cost.
    /// </summary>
    public Task<T> EnqueueAsync<T>(
        string key,
        WorkPriority priority,
        long memoryCost,
        Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken) =>
        EnqueueAsync(key, priority, new JobCost(memoryCost, 0), work, cancellationToken);

    /// <summary>
    /// As <see cref="EnqueueAsync{T}(string, WorkPriority, long, Func{CancellationToken, Task{T}}, CancellationToken)"/>,
    /// for work whose <see cref="JobCost.Pixels"/> also decide whether it is a large job (see the class remarks).
    /// </summary>
    public Task<T> EnqueueAsync<T>(
        string key,
        WorkPriority priority,
        JobCost cost,
        Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(cost.MemoryBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(cost.Pixels);
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<T>(cancellationToken);

        ScheduledJob job;
        lock (_gate)
        {
            if (_stopped) return Task.FromException<T>(new ObjectDisposedException(nameof(VariantGenerationScheduler)));
            if (_joinable.TryGetValue(key, out var existing))
            {
                if (existing.ResultType != typeof(T))
                    return Task.FromException<T>(new InvalidOperationException(
                        $"Job '{key}' is in progress with result type {existing.ResultType.Name}, not {typeof(T).Name}."));
                job = existing;
                Join(job, priority);
            }
            else
            {
                var queue = QueueOf(priority);
                if (queue.Count >= _settings.QueueSize)
                    return Task.FromException<T>(new SchedulerQueueFullException(priority, _settings.QueueSize,
                        _backlog.RetryAfter(queue.Count, _settings.Workers)));
                job = new ScheduledJob(key, typeof(T), async token => await work(token).ConfigureAwait(false),
                    cost.MemoryBytes, cost.Pixels > _settings.LargeJobPixels) { Enqueued = _time.GetTimestamp() };
                Add(job, priority, queue);
            }
        }
        return WaitForAsync<T>(job, priority, cancellationToken);
    }

    /// <summary>
    /// Refuses new work, cancels every queued job (its waiters see cancellation), cancels the tokens of running jobs
    /// and waits until the workers have finished them, or until <paramref name="cancellationToken"/> gives up waiting.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        List<ScheduledJob>? dropped = null;
        List<ScheduledJob>? running = null;
        lock (_gate)
        {
            if (!_stopped)
            {
                _stopped = true;
                dropped = [.. _synchronous, .. _asynchronous];
                _synchronous.Clear();
                _asynchronous.Clear();
                _joinable.Clear();
                _starving = null;
                foreach (var job in dropped)
                {
                    job.Node = null;
                    job.State = JobState.Finished;
                }
                running = [.. _running.Snapshot()];
            }
        }
        if (dropped is not null)
        {
            // Cancelling runs callbacks registered by job code, so it happens outside the lock.
            _stopping.Cancel();
            foreach (var job in dropped) job.Completion.TrySetCanceled(_stopping.Token);
            foreach (var job in running!) job.Cancellation.Cancel();
            if (dropped.Count + running.Count > 0) LogStopping(_logger, dropped.Count, running.Count);
        }
        return Task.WhenAll(_workers).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _stopping.Dispose();
        _workQueued.Dispose();
    }

    /// <summary>Called under the lock: a new job goes to the back of its queue, which has room.</summary>
    private void Add(ScheduledJob job, WorkPriority priority, LinkedList<ScheduledJob> queue)
    {
        job.Queue = priority;
        Join(job, priority);
        job.Node = queue.AddLast(job);
        _joinable.Add(job.Key, job);
        _workQueued.Release(); // completes waiting workers asynchronously, so it is safe under the lock
        SignalChange();
    }

    /// <summary>Called under the lock: wakes workers waiting for room (continuations run asynchronously).</summary>
    private void SignalChange()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    /// <summary>
    /// Called under the lock: registers one more interested caller. A client waiting for a queued eager job moves
    /// it to the back of the synchronous queue; that move adds no work, so it is allowed even when that queue is full.
    /// </summary>
    private void Join(ScheduledJob job, WorkPriority priority)
    {
        if (priority == WorkPriority.Asynchronous)
        {
            job.WantedEagerly = true;
            return;
        }
        job.SynchronousWaiters++;
        if (job is { State: JobState.Queued, Queue: WorkPriority.Asynchronous, Node: { } node })
        {
            _asynchronous.Remove(node);
            job.Queue = WorkPriority.Synchronous;
            job.Node = _synchronous.AddLast(job);
        }
    }

    private async Task<T> WaitForAsync<T>(ScheduledJob job, WorkPriority priority, CancellationToken cancellationToken)
    {
        try
        {
            return (T)(await job.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (OperationCanceledException) when (priority == WorkPriority.Synchronous && cancellationToken.IsCancellationRequested)
        {
            Leave(job);
            throw;
        }
    }

    /// <summary>A synchronous waiter gave up; if nobody else wants the job, it is dropped or its token cancelled.</summary>
    private void Leave(ScheduledJob job)
    {
        var drop = false;
        var cancel = false;
        lock (_gate)
        {
            if (job.State == JobState.Finished) return;
            job.SynchronousWaiters--;
            if (job.SynchronousWaiters > 0 || job.WantedEagerly) return;
            // Nobody wants this job any more: a later request for the key must start afresh, not join it.
            _joinable.Remove(job.Key);
            if (job is { State: JobState.Queued, Node: { } node })
            {
                QueueOf(job.Queue).Remove(node);
                job.Node = null;
                job.State = JobState.Finished;
                if (_starving == job)
                {
                    _starving = null;
                    SignalChange();
                }
                drop = true;
            }
            else
            {
                cancel = true;
            }
        }
        if (drop) job.Completion.TrySetCanceled();
        if (cancel) job.Cancellation.Cancel();
    }

    private LinkedList<ScheduledJob> QueueOf(WorkPriority priority) =>
        priority == WorkPriority.Synchronous ? _synchronous : _asynchronous;

    /// <summary>
    /// Called under the lock: the next job to start, or null. The weight decides which queue's head is next in line
    /// when both have work (a pick counts only when a job starts). When that job cannot start, the first later job that
    /// can (synchronous queue first) passes it: freely when it waits for a large job to finish, otherwise until it has
    /// been passed <see cref="VariantGenerationSettings.MaxBypass"/> times. <paramref name="waiting"/> tells the worker
    /// that work is queued but must wait for a running job to finish.
    /// </summary>
    private ScheduledJob? TakeNext(out bool waiting)
    {
        waiting = false;
        if (_starving is { } starving)
        {
            if (_running.HoldOf(starving) == Hold.None) return Start(starving);
            waiting = true;
            return null;
        }

        var weighted = _synchronous.Count > 0 && _asynchronous.Count > 0;
        LinkedList<ScheduledJob> queue;
        if (weighted)
            queue = _share.PeekIsSynchronous() ? _synchronous : _asynchronous;
        else if (_synchronous.Count > 0)
            queue = _synchronous;
        else if (_asynchronous.Count > 0)
            queue = _asynchronous;
        else
            return null;

        var head = queue.First!.Value;
        var hold = _running.HoldOf(head);
        ScheduledJob? next = null;
        if (hold == Hold.None)
        {
            next = head;
        }
        else if (hold == Hold.LargeJobs || head.Bypassed < _settings.MaxBypass)
        {
            next = _synchronous.Concat(_asynchronous).FirstOrDefault(job => job != head && _running.HoldOf(job) == Hold.None);
            // Only passing a job that waits for memory or a worker delays it; those passes are bounded.
            if (next is not null && hold != Hold.LargeJobs && ++head.Bypassed == _settings.MaxBypass) _starving = head;
        }
        else
        {
            _starving = head;
        }
        if (next is null)
        {
            waiting = true;
            return null;
        }
        if (weighted) _share.NextIsSynchronous();
        return Start(next);
    }

    /// <summary>Called under the lock: moves a queued job to running and reserves its memory.</summary>
    private ScheduledJob Start(ScheduledJob job)
    {
        QueueOf(job.Queue).Remove(job.Node!);
        job.Node = null;
        job.State = JobState.Running;
        _instruments?.Waited(_time.GetElapsedTime(job.Enqueued), job.Queue);
        if (_starving == job) _starving = null;
        _running.Add(job);
        return job;
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await _workQueued.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            ScheduledJob? job;
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    job = TakeNext(out var waiting);
                    if (job is not null || !waiting) break;
                    changed = _changed.Task;
                }
                // This worker keeps the permit it took: the job it stands for is still queued.
                try
                {
                    await changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            if (job is not null) await RunAsync(job).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one job and hands its outcome to the waiters; never throws, so a failing job cannot stop a worker.</summary>
    private async Task RunAsync(ScheduledJob job)
    {
        var token = job.Cancellation.Token;
        var started = _time.GetTimestamp();
        object? result = null;
        Exception? failure = null;
        var cancelled = false;
        // The deadline covers everything the job does once it runs (download, libvips, placeholder, store); the work
        // sees one token that either its callers leaving or the deadline cancels.
        using var deadline = new CancellationTokenSource(_settings.Timeout, _time);
        using var workToken = CancellationTokenSource.CreateLinkedTokenSource(token, deadline.Token);
        // Callers hear of the overrun at the deadline, not when the work stops: libvips stops between tiles, but an
        // encoder's final pass (AVIF, HEIC, JPEG XL encode the whole frame after it is computed) runs to its end. The
        // worker and the job's memory stay taken until then, and a request for the same key meanwhile joins this job
        // and gets the same answer at once instead of starting it again.
        using var answerAtDeadline = deadline.Token.Register(() =>
        {
            if (!token.IsCancellationRequested) job.Completion.TrySetException(new GenerationTimeoutException(_settings.Timeout));
        });
        try
        {
            result = await job.Work(workToken.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            cancelled = true;
        }
        catch (Exception exception) when (deadline.IsCancellationRequested)
        {
            // Cancelled by the deadline, or failed because of it (a store call cut off mid-way): either way a timeout.
            failure = new GenerationTimeoutException(_settings.Timeout, exception);
            LogTimedOut(_logger, job.Key, _settings.Timeout.TotalSeconds);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        bool eager;
        lock (_gate)
        {
            _running.Remove(job);
            SignalChange();
            job.State = JobState.Finished;
            // Forget the job before completing it, so that a request arriving now starts fresh work (no result cache).
            if (_joinable.TryGetValue(job.Key, out var current) && current == job) _joinable.Remove(job.Key);
            if (!cancelled) _backlog.Record(_time.GetElapsedTime(started));
            eager = job.WantedEagerly;
        }

        if (failure is not null)
        {
            // An eager job may have nobody awaiting it: the log is the only place its failure shows.
            if (eager) LogEagerJobFailed(_logger, failure, job.Key);
            job.Completion.TrySetException(failure);
        }
        else if (cancelled)
        {
            job.Completion.TrySetCanceled(token);
        }
        else
        {
            job.Completion.TrySetResult(result);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Variant generation job {JobKey} failed; the eager variant is not generated.")]
    private static partial void LogEagerJobFailed(ILogger logger, Exception exception, string jobKey);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Variant generation job {JobKey} ran longer than variant-generation.timeout ({TimeoutSeconds} s) and was cancelled.")]
    private static partial void LogTimedOut(ILogger logger, string jobKey, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Variant generation is stopping: {DroppedJobs} queued jobs dropped, waiting for {RunningJobs} running jobs.")]
    private static partial void LogStopping(ILogger logger, int droppedJobs, int runningJobs);
}
