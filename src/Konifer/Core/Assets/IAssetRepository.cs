namespace Konifer.Core.Assets;

/// <summary>
/// The metadata store port. Storing is two-phase (pending, then ready), for originals and generated variants alike,
/// so that a crash mid-upload never leaves a visible record without bytes nor bytes without any record. Deletes remove records at once and hand their objects to the deletion outbox
/// in the same atomic step.
/// </summary>
public interface IAssetRepository
{
    /// <summary>Reserves the next entry id of the path (never reused) and records the asset as not ready (invisible).</summary>
    Task<Asset> CreatePendingAsync(PendingAsset asset, CancellationToken cancellationToken);

    /// <summary>Makes a pending asset visible. Returns null when it no longer exists.</summary>
    Task<Asset?> MarkReadyAsync(Guid assetId, CancellationToken cancellationToken);

    /// <summary>Drops a pending asset whose upload failed and queues its object for deletion.</summary>
    Task AbandonPendingAsync(Guid assetId, CancellationToken cancellationToken);

    /// <summary>
    /// Pending assets created before <paramref name="cutoff"/>, oldest first, at most <paramref name="max"/>: uploads
    /// that never became ready (the process died mid-upload), for the sweeper to abandon. Each carries its original's
    /// location so the abandoned object can be found.
    /// </summary>
    Task<IReadOnlyList<Asset>> FindPendingOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);

    /// <summary>Ready assets at exactly this path that match the query, in its order, at most its limit (-1 = all).</summary>
    Task<IReadOnlyList<Asset>> FindAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken);

    /// <summary>Replaces alt, labels and tags of one entry and bumps its modification time. Null when not found.</summary>
    Task<Asset?> UpdateInformationAsync(AssetPath path, long entryId, AssetInformation information, DateTimeOffset modifiedAt, CancellationToken cancellationToken);

    /// <summary>Deletes the matching assets at this path; their objects go to the outbox. Returns how many.</summary>
    Task<int> DeleteAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes every asset at this path and below it whose labels match; objects go to the outbox.</summary>
    Task<int> DeleteRecursiveAsync(AssetPath path, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>
    /// Records a generated variant as pending (invisible to reads, never a cache hit) before its bytes are uploaded.
    /// Null when the asset is gone or not ready; nothing is recorded then. Pending variants do not take part in the
    /// one-variant-per-transformation rule, so a reservation never waits for, or is blocked by, another one.
    /// </summary>
    Task<PendingVariant?> ReserveVariantAsync(Guid assetId, NewVariant variant, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a reserved variant visible once its bytes are stored, and returns it. When the asset already has a ready
    /// variant with the same transformation (another request or instance won the race), that one is returned and this
    /// reservation is dropped and its object queued for deletion. When the reservation is gone (asset deleted,
    /// swept), its object is queued for deletion and null is returned. Marking an already ready variant returns it.
    /// </summary>
    Task<Variant?> MarkVariantReadyAsync(PendingVariant variant, CancellationToken cancellationToken);

    /// <summary>
    /// Drops a reservation whose upload failed and queues its object for deletion. When the reservation is already
    /// gone its object is queued anyway (the upload may have written it after whoever removed the record queued it);
    /// a variant that became ready is left alone.
    /// </summary>
    Task AbandonPendingVariantAsync(PendingVariant variant, CancellationToken cancellationToken);

    /// <summary>
    /// Removes up to <paramref name="max"/> variant reservations made before <paramref name="cutoff"/> (oldest first;
    /// the process died between reserving and marking ready) and queues their objects. Returns what it removed; each
    /// is removed and queued once even when several sweepers run at once.
    /// </summary>
    Task<IReadOnlyList<PendingVariant>> SweepPendingVariantsAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);

    /// <summary>Pushes an idle-expiring variant's expiry forward after it was served.</summary>
    Task TouchVariantAsync(Guid assetId, Guid variantId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> non-original variants whose expiry has passed; objects go to the outbox.</summary>
    Task<int> DeleteExpiredVariantsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);
}
