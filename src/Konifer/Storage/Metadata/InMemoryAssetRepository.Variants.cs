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

    public Task<Variant?> MarkVariantReadyAsync(PendingVariant variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
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
            var updated = asset with { Variants = [.. asset.Variants, pending!.Variant] };
            Volatile.Write(ref _ready, _ready.SetItem(path, assets.SetItem(index, updated)));
            return Task.FromResult<Variant?>(pending.Variant);
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

    /// <summary>Whether this variant is recorded ready. Caller holds the lock.</summary>
    private bool IsReadyVariant(PendingVariant variant) =>
        TryFindReady(variant.AssetId, out _, out var assets, out var index) && assets[index].Variants.Any(v => v.Id == variant.Variant.Id);

    public Task TouchVariantAsync(Guid assetId, Guid variantId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!TryFindReady(assetId, out var path, out var assets, out var index)) return Task.CompletedTask;
            var asset = assets[index];
            if (asset.Variants.All(v => v.Id != variantId)) return Task.CompletedTask;
            var touched = asset.Variants.Select(v => v.Id == variantId ? v with { ExpiresAt = expiresAt } : v).ToArray();
            Volatile.Write(ref _ready, _ready.SetItem(path, assets.SetItem(index, asset with { Variants = touched })));
        }
        return Task.CompletedTask;
    }
}
