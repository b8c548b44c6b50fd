namespace Konifer.Core.Assets;

/// <summary>
/// The metadata store's records that outlived their purpose, for the background sweeps: uploads that never became
/// ready (the process died, or the store was unreachable, between reserving and marking ready) and expired variants.
/// Several instances may sweep at once; each record is removed, and its object queued, once.
/// </summary>
public interface IStaleRecords
{
    /// <summary>
    /// Pending assets created before <paramref name="cutoff"/>, oldest first, at most <paramref name="max"/>: uploads
    /// that never became ready (the process died mid-upload), for the sweeper to abandon. Each carries its original's
    /// location so the abandoned object can be found.
    /// </summary>
    Task<IReadOnlyList<Asset>> FindPendingOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Removes up to <paramref name="max"/> variant reservations made before <paramref name="cutoff"/> (oldest first;
    /// the process died between reserving and marking ready) and queues their objects. Returns what it removed; each
    /// is removed and queued once even when several sweepers run at once.
    /// </summary>
    Task<IReadOnlyList<PendingVariant>> SweepPendingVariantsAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> non-original variants whose expiry has passed; objects go to the outbox.</summary>
    Task<int> DeleteExpiredVariantsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);
}
