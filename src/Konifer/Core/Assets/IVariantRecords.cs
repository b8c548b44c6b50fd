namespace Konifer.Core.Assets;

/// <summary>
/// The metadata store's records of generated variants: what generating and serving a variant needs. Two-phase like an
/// original, so that no variant is served before its bytes exist and no object is left that no record leads to.
/// </summary>
public interface IVariantRecords
{
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

    /// <summary>Pushes an idle-expiring variant's expiry forward after it was served.</summary>
    Task TouchVariantAsync(Guid assetId, Guid variantId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
