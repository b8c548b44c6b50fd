using Konifer.Core.Assets;

namespace Konifer.Storage.Metadata.HitCache;

/// <summary>
/// The variant records of a shared store, evicting the cached reads of an asset when one of its variants becomes
/// ready here, so the next hit on this instance finds it rather than generating it again.
/// </summary>
public sealed class CachingVariantRecords(IVariantRecords store, AssetHitCache cache) : IVariantRecords
{
    public Task<PendingVariant?> ReserveVariantAsync(Guid assetId, NewVariant variant, CancellationToken cancellationToken) =>
        store.ReserveVariantAsync(assetId, variant, cancellationToken);

    public async Task<Variant?> MarkVariantReadyAsync(PendingVariant variant, VariantCap cap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        try
        {
            return await store.MarkVariantReadyAsync(variant, cap, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            cache.InvalidateAsset(variant.AssetId);
        }
    }

    public Task AbandonPendingVariantAsync(PendingVariant variant, CancellationToken cancellationToken) =>
        store.AbandonPendingVariantAsync(variant, cancellationToken);

    // Past the cache on purpose: a waiter must see the variant another instance just made, not a cached "none".
    public Task<Variant?> FindReadyVariantAsync(Guid assetId, Core.Transformations.Transformation transformation, CancellationToken cancellationToken) =>
        store.FindReadyVariantAsync(assetId, transformation, cancellationToken);

    public Task RecordAccessesAsync(IReadOnlyCollection<VariantAccess> accesses, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.RecordAccessesAsync(accesses, now, cancellationToken);
}
