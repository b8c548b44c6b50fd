namespace Konifer.Variants.Jobs;

/// <summary>
/// Generation that no client waits for (eager variants), kept as jobs in the metadata store so that any instance may
/// run them and none is lost when the instance that queued or took one stops or dies. A taker holds a job under a
/// lease that it renews while it works; a lease that runs out (its taker died) makes the job due again for anyone.
/// Every take counts one attempt; giving up is the caller's decision (<see cref="GenerationJobSettings.MaxAttempts"/>).
/// Times come from the caller's clock, as the object deletion outbox's do.
/// </summary>
public interface IGenerationJobQueue
{
    /// <summary>
    /// Queues the jobs, due at once. A job for an asset and transformation that is already queued (waiting, leased or
    /// backing off) is not added again, nor is a job of an asset that no longer exists.
    /// </summary>
    Task EnqueueAsync(IReadOnlyCollection<NewGenerationJob> jobs, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="max"/> jobs that are due at <paramref name="now"/> (new, backed off long enough, or
    /// whose lease ran out) for <paramref name="owner"/>, leased until <c>now + lease</c>, oldest first, counting an
    /// attempt for each. Two takers never get the same job (a job another taker is locking is skipped, not waited for).
    /// </summary>
    Task<IReadOnlyList<GenerationJob>> TakeAsync(string owner, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends to <paramref name="leasedUntil"/> the leases <paramref name="owner"/> still holds among <paramref name="ids"/>; returns those ids.</summary>
    Task<IReadOnlySet<long>> RenewAsync(string owner, IReadOnlyCollection<long> ids, DateTimeOffset leasedUntil, CancellationToken cancellationToken);

    /// <summary>Removes a job that <paramref name="owner"/> holds (done, or given up); false when its lease was lost to another taker.</summary>
    Task<bool> CompleteAsync(long id, string owner, CancellationToken cancellationToken);

    /// <summary>Ends the lease of a failed job, due again at <paramref name="dueAt"/>; false when the lease was lost.</summary>
    Task<bool> RetryLaterAsync(long id, string owner, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the leases <paramref name="owner"/> holds among <paramref name="ids"/> without counting the attempt: the jobs
    /// were not tried to the end (the instance is stopping), so they are due at once for another instance.
    /// </summary>
    Task ReleaseAsync(string owner, IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Jobs in the queue, leased or not.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
