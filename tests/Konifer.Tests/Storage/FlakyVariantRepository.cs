using Konifer.Core.Assets;

namespace Konifer.Tests.Storage;

/// <summary>
/// A metadata store whose variant completion (marking ready, abandoning) fails while <see cref="CutOff"/> is set, like
/// a database that went away between the upload and the update. Everything else passes through.
/// </summary>
public sealed class FlakyVariantRepository(IAssetRepository inner) : IAssetRepository
{
    public bool CutOff { get; set; }

    private void ThrowIfCutOff()
    {
        if (CutOff) throw new IOException("Metadata store unreachable.");
    }

    public async Task<Variant?> MarkVariantReadyAsync(PendingVariant variant, CancellationToken cancellationToken)
    {
        ThrowIfCutOff();
        return await inner.MarkVariantReadyAsync(variant, cancellationToken);
    }

    public async Task AbandonPendingVariantAsync(PendingVariant variant, CancellationToken cancellationToken)
    {
        ThrowIfCutOff();
        await inner.AbandonPendingVariantAsync(variant, cancellationToken);
    }

    public Task<Asset> CreatePendingAsync(PendingAsset asset, CancellationToken cancellationToken) => inner.CreatePendingAsync(asset, cancellationToken);

    public Task<Asset?> MarkReadyAsync(Guid assetId, CancellationToken cancellationToken) => inner.MarkReadyAsync(assetId, cancellationToken);

    public Task AbandonPendingAsync(Guid assetId, CancellationToken cancellationToken) => inner.AbandonPendingAsync(assetId, cancellationToken);

    public Task<IReadOnlyList<Asset>> FindPendingOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken) =>
        inner.FindPendingOlderThanAsync(cutoff, max, cancellationToken);

    public Task<IReadOnlyList<Asset>> FindAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken) =>
        inner.FindAsync(path, query, cancellationToken);

    public Task<Asset?> UpdateInformationAsync(AssetPath path, long entryId, AssetInformation information, DateTimeOffset modifiedAt,
        CancellationToken cancellationToken) => inner.UpdateInformationAsync(path, entryId, information, modifiedAt, cancellationToken);

    public Task<int> DeleteAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken) => inner.DeleteAsync(path, query, cancellationToken);

    public Task<int> DeleteRecursiveAsync(AssetPath path, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        inner.DeleteRecursiveAsync(path, labels, cancellationToken);

    public Task<PendingVariant?> ReserveVariantAsync(Guid assetId, NewVariant variant, CancellationToken cancellationToken) =>
        inner.ReserveVariantAsync(assetId, variant, cancellationToken);

    public Task<IReadOnlyList<PendingVariant>> SweepPendingVariantsAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken) =>
        inner.SweepPendingVariantsAsync(cutoff, max, cancellationToken);

    public Task TouchVariantAsync(Guid assetId, Guid variantId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        inner.TouchVariantAsync(assetId, variantId, expiresAt, cancellationToken);

    public Task<int> DeleteExpiredVariantsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        inner.DeleteExpiredVariantsAsync(now, max, cancellationToken);
}
