using Konifer.Core.Assets;

namespace Konifer.Tests.Storage;

/// <summary>
/// Variant records whose completion (marking ready, abandoning) fails while <see cref="CutOff"/> is set, like a
/// database that went away between the upload and the update. Reserving and recording accesses pass through.
/// </summary>
public sealed class FlakyVariantRecords(IVariantRecords inner) : IVariantRecords
{
    public bool CutOff { get; set; }

    private void ThrowIfCutOff()
    {
        if (CutOff) throw new IOException("Metadata store unreachable.");
    }

    public async Task<Variant?> MarkVariantReadyAsync(PendingVariant variant, VariantCap cap, CancellationToken cancellationToken)
    {
        ThrowIfCutOff();
        return await inner.MarkVariantReadyAsync(variant, cap, cancellationToken);
    }

    public async Task AbandonPendingVariantAsync(PendingVariant variant, CancellationToken cancellationToken)
    {
        ThrowIfCutOff();
        await inner.AbandonPendingVariantAsync(variant, cancellationToken);
    }

    public Task<PendingVariant?> ReserveVariantAsync(Guid assetId, NewVariant variant, CancellationToken cancellationToken) =>
        inner.ReserveVariantAsync(assetId, variant, cancellationToken);

    public Task<Variant?> FindReadyVariantAsync(Guid assetId, Konifer.Core.Transformations.Transformation transformation, CancellationToken cancellationToken) =>
        inner.FindReadyVariantAsync(assetId, transformation, cancellationToken);

    public Task RecordAccessesAsync(IReadOnlyCollection<VariantAccess> accesses, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RecordAccessesAsync(accesses, now, cancellationToken);
}
