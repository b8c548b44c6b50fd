namespace Konifer.Variants.Scheduling;

/// <summary>
/// One unit of generation work and everyone interested in it. The result is boxed so that jobs of any result type
/// share one queue; the scheduler checks <see cref="ResultType"/> before a caller joins. Every field except the
/// completion is guarded by the scheduler's lock.
/// </summary>
internal sealed class ScheduledJob(string key, Type resultType, Func<CancellationToken, Task<object?>> work, long memoryCost, bool large)
{
    public string Key { get; } = key;

    /// <summary>Bytes the job reserves from the memory budget while it runs (its estimated peak; 0 = not counted).</summary>
    public long MemoryCost { get; } = memoryCost;

    /// <summary>Works through more than <c>large-job-pixels</c>: counts against the workers large jobs may hold.</summary>
    public bool Large { get; } = large;

    /// <summary>
    /// How many later jobs started ahead of this one while it was next in line but waited for memory or a worker
    /// (passes while it waits only for another large job are not counted: they do not delay it).
    /// </summary>
    public int Bypassed { get; set; }

    public Type ResultType { get; } = resultType;

    /// <summary>When the job was queued (a <see cref="TimeProvider"/> timestamp), for the queue-wait metric.</summary>
    public long Enqueued { get; init; }

    public Func<CancellationToken, Task<object?>> Work { get; } = work;

    /// <summary>Continuations run asynchronously so that no waiter's code runs on a worker or under the lock.</summary>
    public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Cancelled when the last synchronous waiter leaves a running job, or on shutdown. Deliberately never linked to
    /// another token and never disposed: an unlinked source without a timer holds nothing that needs releasing, and
    /// not disposing it means cancelling can never race a disposal.
    /// </summary>
    public CancellationTokenSource Cancellation { get; } = new();

    public JobState State { get; set; } = JobState.Queued;

    /// <summary>The queue the job waits in (or was taken from); promotion moves it to the synchronous one.</summary>
    public WorkPriority Queue { get; set; }

    /// <summary>The job's place in its queue while <see cref="JobState.Queued"/>, so that it can leave in O(1).</summary>
    public LinkedListNode<ScheduledJob>? Node { get; set; }

    /// <summary>Synchronous callers still waiting; when it drops to zero the job is no longer wanted by a client.</summary>
    public int SynchronousWaiters { get; set; }

    /// <summary>An asynchronous (eager) submission wants the result stored, so waiters leaving never drop the job.</summary>
    public bool WantedEagerly { get; set; }
}
