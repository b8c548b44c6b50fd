using Konifer.Core.Assets;

namespace Konifer.Storage.Metadata.HitCache;

/// <summary>
/// The asset entries of a shared store with reads answered from <see cref="AssetHitCache"/>. This instance's own
/// writes evict at once (so a read right after a write here never sees the older answer); other instances' writes
/// arrive as notifications through the store's listener.
/// </summary>
public sealed class CachingAssetEntries(IAssetEntries store, AssetHitCache cache) : IAssetEntries
{
    public Task<Asset> CreatePendingAsync(PendingAsset asset, CancellationToken cancellationToken) =>
        store.CreatePendingAsync(asset, cancellationToken);

    public async Task<Asset?> MarkReadyAsync(Guid assetId, CancellationToken cancellationToken)
    {
        var ready = await store.MarkReadyAsync(assetId, cancellationToken).ConfigureAwait(false);
        if (ready is not null) cache.Invalidate(ready.Path.Value);
        return ready;
    }

    public Task AbandonPendingAsync(Guid assetId, CancellationToken cancellationToken) =>
        store.AbandonPendingAsync(assetId, cancellationToken);

    public async Task<IReadOnlyList<Asset>> FindAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        if (cache.TryGet(path, query, out var cached)) return cached;
        var token = cache.BeginRead();
        var found = await store.FindAsync(path, query, cancellationToken).ConfigureAwait(false);
        if (token is not null) cache.TryStore(token, path, query, found);
        return found;
    }

    public async Task<Asset?> UpdateInformationAsync(AssetPath path, long entryId, AssetInformation information, DateTimeOffset modifiedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return await store.UpdateInformationAsync(path, entryId, information, modifiedAt, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            cache.Invalidate(path.Value);
        }
    }

    public async Task<int> DeleteAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return await store.DeleteAsync(path, query, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            cache.Invalidate(path.Value);
        }
    }

    public async Task<int> DeleteRecursiveAsync(AssetPath path, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        try
        {
            return await store.DeleteRecursiveAsync(path, labels, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Which paths below were hit is known only to the store: evict everything, as a notification of each would.
            cache.Invalidate("*");
        }
    }
}
