namespace Konifer.Core.Assets;

/// <summary>
/// The metadata store's asset entries: what uploads, reads, updates and deletes need. Storing is two-phase (pending,
/// then ready) so that a crash mid-upload never leaves a visible record without bytes nor bytes without any record.
/// Deletes remove records at once and hand their objects to the deletion outbox in the same atomic step, which is why
/// one store implements this together with <see cref="IVariantRecords"/>, <see cref="IStaleRecords"/> and the outbox.
/// </summary>
public interface IAssetEntries
{
    /// <summary>Reserves the next entry id of the path (never reused) and records the asset as not ready (invisible).</summary>
    Task<Asset> CreatePendingAsync(PendingAsset asset, CancellationToken cancellationToken);

    /// <summary>Makes a pending asset visible. Returns null when it no longer exists.</summary>
    Task<Asset?> MarkReadyAsync(Guid assetId, CancellationToken cancellationToken);

    /// <summary>Drops a pending asset whose upload failed and queues its object for deletion.</summary>
    Task AbandonPendingAsync(Guid assetId, CancellationToken cancellationToken);

    /// <summary>Ready assets at exactly this path that match the query, in its order, at most its limit (-1 = all).</summary>
    Task<IReadOnlyList<Asset>> FindAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken);

    /// <summary>Replaces alt, labels and tags of one entry and bumps its modification time. Null when not found.</summary>
    Task<Asset?> UpdateInformationAsync(AssetPath path, long entryId, AssetInformation information, DateTimeOffset modifiedAt, CancellationToken cancellationToken);

    /// <summary>Deletes the matching assets at this path; their objects go to the outbox. Returns how many.</summary>
    Task<int> DeleteAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes every asset at this path and below it whose labels match; objects go to the outbox.</summary>
    Task<int> DeleteRecursiveAsync(AssetPath path, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);
}
