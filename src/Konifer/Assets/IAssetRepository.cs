using Konifer.Paths;

namespace Konifer.Assets;

/// <summary>
/// The metadata store port. Storing is two-phase (pending, then ready) so that a crash mid-upload never leaves a
/// visible asset without bytes. Deletes remove records at once and hand their objects to the deletion outbox
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
    /// Records a generated variant. When the asset already has a variant with the same transformation (another
    /// request or instance won the race), that one is returned and the new variant's object is queued for deletion;
    /// when the asset is gone, the object is queued for deletion and null is returned.
    /// </summary>
    Task<Variant?> AddVariantAsync(Guid assetId, NewVariant variant, CancellationToken cancellationToken);

    /// <summary>Pushes an idle-expiring variant's expiry forward after it was served.</summary>
    Task TouchVariantAsync(Guid assetId, Guid variantId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> non-original variants whose expiry has passed; objects go to the outbox.</summary>
    Task<int> DeleteExpiredVariantsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);
}
