using Konifer.Core.Assets;

namespace Konifer.Storage.Metadata;

/// <summary>Generated variants, two-phase: reservations live apart from their (ready) asset until marked ready.</summary>
public sealed partial class InMemoryAssetRepository : IVariantRecords
{
    public Task<PendingVariant?> ReserveVariantAsync(Guid assetId, NewVariant variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!TryFindReady(assetId, out _, out _, out _)) return Task.FromResult<PendingVariant?>(null);
            var pending = new PendingVariant(assetId, new Variant(Guid.NewGuid(), false, variant.Location, variant.Attributes, variant.Lqip,
                variant.CreatedAt, variant.Transformation, variant.ExpiresAt));
            _pendingVariants.Add(pending.Variant.Id, pending);
            return Task.FromResult<PendingVariant?>(pending);
        }
    }

    public Task<Variant?> MarkVariantReadyAsync(PendingVariant variant, VariantCap cap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(cap);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var reserved = _pendingVariants.Remove(variant.Variant.Id, out var pending);
            if (!TryFindReady(variant.AssetId, out var path, out var assets, out var index))
            {
                // Cannot happen while reserved (deleting the asset drops its reservations), but be safe.
                EnqueueObject(variant.Variant.Location);
                return Task.FromResult<Variant?>(null);
            }
            var asset = assets[index];
            if (asset.Variants.FirstOrDefault(v => v.Id == variant.Variant.Id) is { } already) return Task.FromResult<Variant?>(already);
            var existing = asset.Variants.FirstOrDefault(v => !v.IsOriginal && v.Transformation == variant.Variant.Transformation);
            if (!reserved || existing is not null)
            {
                EnqueueObject(variant.Variant.Location);
                return Task.FromResult(existing);
            }
            var ready = pending!.Variant;
            _accessStats[ready.Id] = AccessStats.New(ready.CreatedAt);
            var evicted = Evicted(asset, ready, cap);
            foreach (var gone in evicted) RemoveVariantObject(gone);
            var updated = asset with { Variants = [.. asset.Variants.Except(evicted), ready] };
            Volatile.Write(ref _ready, _ready.SetItem(path, assets.SetItem(index, updated)));
            return Task.FromResult<Variant?>(ready);
        }
    }

    public Task AbandonPendingVariantAsync(PendingVariant variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_pendingVariants.Remove(variant.Variant.Id) || !IsReadyVariant(variant)) EnqueueObject(variant.Variant.Location);
        }
        return Task.CompletedTask;
    }

    public Task<Variant?> FindReadyVariantAsync(Guid assetId, Core.Transformations.Transformation transformation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(TryFindReady(assetId, out _, out var assets, out var index)
                ? assets[index].Variants.FirstOrDefault(v => !v.IsOriginal && v.Transformation == transformation)
                : null);
        }
    }

    /// <summary>Whether this variant is recorded ready. Caller holds the lock.</summary>
    private bool IsReadyVariant(PendingVariant variant) =>
        TryFindReady(variant.AssetId, out _, out var assets, out var index) && assets[index].Variants.Any(v => v.Id == variant.Variant.Id);
}
