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
    /// In the same step, when this variant becomes ready, the asset's other ready generated variants beyond the best
    /// <c>cap.MaxVariants − 1</c> (see <see cref="VariantCap"/>; ranked at the new variant's creation time) are
    /// deleted and their objects queued for deletion, as expiry does.
    /// </summary>
    Task<Variant?> MarkVariantReadyAsync(PendingVariant variant, VariantCap cap, CancellationToken cancellationToken);

    /// <summary>
    /// Drops a reservation whose upload failed and queues its object for deletion. When the reservation is already
    /// gone its object is queued anyway (the upload may have written it after whoever removed the record queued it);
    /// a variant that became ready is left alone.
    /// </summary>
    Task AbandonPendingVariantAsync(PendingVariant variant, CancellationToken cancellationToken);

    /// <summary>
    /// The asset's ready generated variant with this transformation, read from the store itself (never a cache), or
    /// null: what a request that waited for another instance's generation serves.
    /// </summary>
    Task<Variant?> FindReadyVariantAsync(Guid assetId, Core.Transformations.Transformation transformation, CancellationToken cancellationToken);

    /// <summary>
    /// Writes counted accesses: per variant, <c>score = score × 0.5^((now − scoreAsOf) / halfLife) + count</c> and
    /// <c>scoreAsOf = now</c>; the last access only moves forward, and so does an idle variant's expiry. Accesses of
    /// variants that are gone (evicted, expired, deleted) or of originals are ignored.
    /// </summary>
    Task RecordAccessesAsync(IReadOnlyCollection<VariantAccess> accesses, DateTimeOffset now, CancellationToken cancellationToken);
}
