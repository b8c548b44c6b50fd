namespace Konifer.Core.Storage;

/// <summary>
/// Object deletions written by the metadata store in the same step that removed their records. Claiming leases an
/// entry (pushes its next attempt into the future) so that several workers or instances never work on the same one.
/// </summary>
public interface IObjectDeletionOutbox
{
    Task<IReadOnlyList<PendingDeletion>> ClaimDueAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    Task CompleteAsync(long id, CancellationToken cancellationToken);

    Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>How many deletions are still waiting (for health and tests).</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
