using System.Collections.Immutable;
using Konifer.Core.Assets;

namespace Konifer.Storage.Metadata;

/// <summary>Asset entries: two-phase creation, reads, updates and deletes (which queue every object of the deleted).</summary>
public sealed partial class InMemoryAssetRepository : IAssetEntries
{
    public Task<Asset> CreatePendingAsync(PendingAsset asset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        cancellationToken.ThrowIfCancellationRequested();
        var original = new Variant(Guid.NewGuid(), true, asset.OriginalLocation, asset.OriginalAttributes, asset.OriginalLqip, asset.CreatedAt);
        lock (_gate)
        {
            var entryId = _nextEntryIds.GetValueOrDefault(asset.Path);
            _nextEntryIds[asset.Path] = entryId + 1;
            var created = new Asset(Guid.NewGuid(), asset.Path, entryId, asset.Information, asset.Source, asset.SourceUrl,
                asset.CreatedAt, asset.CreatedAt, [original]);
            _pending.Add(created.Id, created);
            return Task.FromResult(created);
        }
    }

    public Task<Asset?> MarkReadyAsync(Guid assetId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_pending.Remove(assetId, out var asset))
            {
                var assets = _ready.GetValueOrDefault(asset.Path, []);
                var index = 0;
                while (index < assets.Length && assets[index].EntryId < asset.EntryId) index++;
                Volatile.Write(ref _ready, _ready.SetItem(asset.Path, assets.Insert(index, asset)));
                _readyPaths.Add(asset.Id, asset.Path);
                return Task.FromResult<Asset?>(asset);
            }
            // Already ready: marking again is harmless and answers with the asset as it is now.
            var ready = _readyPaths.TryGetValue(assetId, out var path) ? _ready[path].FirstOrDefault(a => a.Id == assetId) : null;
            return Task.FromResult(ready);
        }
    }

    public Task AbandonPendingAsync(Guid assetId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_pending.Remove(assetId, out var asset))
            {
                ForgetEmbedding(assetId);
                EnqueueObjects(asset);
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Asset>> FindAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var snapshot = Volatile.Read(ref _ready);
        IReadOnlyList<Asset> found = snapshot.TryGetValue(path, out var assets) ? Select(assets, query).ToArray() : [];
        return Task.FromResult(found);
    }

    public Task<Asset?> UpdateInformationAsync(AssetPath path, long entryId, AssetInformation information, DateTimeOffset modifiedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(information);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_ready.TryGetValue(path, out var assets)) return Task.FromResult<Asset?>(null);
            var index = IndexOfEntry(assets, entryId);
            if (index < 0) return Task.FromResult<Asset?>(null);
            var updated = assets[index] with { Information = information, ModifiedAt = modifiedAt };
            Volatile.Write(ref _ready, _ready.SetItem(path, assets.SetItem(index, updated)));
            return Task.FromResult<Asset?>(updated);
        }
    }

    public Task<int> DeleteAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_ready.TryGetValue(path, out var assets)) return Task.FromResult(0);
            var doomed = Select(assets, query).ToArray();
            if (doomed.Length == 0) return Task.FromResult(0);
            var ids = doomed.Select(a => a.Id).ToHashSet();
            Volatile.Write(ref _ready, SetOrRemove(_ready, path, assets.RemoveAll(a => ids.Contains(a.Id))));
            Forget(doomed);
            return Task.FromResult(doomed.Length);
        }
    }

    public Task<int> DeleteRecursiveAsync(AssetPath path, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(labels);
        cancellationToken.ThrowIfCancellationRequested();
        var query = new AssetQuery(null, AssetOrder.New, labels, AssetQuery.All);
        lock (_gate)
        {
            var ready = _ready;
            var deleted = 0;
            foreach (var (assetPath, assets) in _ready)
            {
                if (!assetPath.IsSameOrDescendantOf(path)) continue;
                var doomed = assets.Where(query.Matches).ToArray();
                if (doomed.Length == 0) continue;
                ready = SetOrRemove(ready, assetPath, assets.RemoveAll(query.Matches));
                Forget(doomed);
                deleted += doomed.Length;
            }
            Volatile.Write(ref _ready, ready);
            return Task.FromResult(deleted);
        }
    }

    /// <summary>The query's matches among one path's assets (sorted by entry id), in its order, at most its limit.</summary>
    private static IEnumerable<Asset> Select(ImmutableArray<Asset> assets, AssetQuery query)
    {
        var matches = assets.Where(query.Matches);
        var ordered = query.Order switch
        {
            AssetOrder.Modified => matches.OrderByDescending(a => a.ModifiedAt).ThenByDescending(a => a.EntryId),
            _ => matches.OrderByDescending(a => a.EntryId),
        };
        return query.Limit < 0 ? ordered : ordered.Take(query.Limit);
    }

    private static int IndexOfEntry(ImmutableArray<Asset> assets, long entryId)
    {
        for (var i = 0; i < assets.Length; i++)
            if (assets[i].EntryId == entryId) return i;
        return -1;
    }

    private static ImmutableDictionary<AssetPath, ImmutableArray<Asset>> SetOrRemove(
        ImmutableDictionary<AssetPath, ImmutableArray<Asset>> ready, AssetPath path, ImmutableArray<Asset> assets) =>
        assets.IsEmpty ? ready.Remove(path) : ready.SetItem(path, assets);

    /// <summary>
    /// Drops deleted assets from the id index and queues every object of theirs, those of variants still being uploaded
    /// included. Caller holds the lock.
    /// </summary>
    private void Forget(IEnumerable<Asset> deleted)
    {
        var ids = new HashSet<Guid>();
        foreach (var asset in deleted)
        {
            _readyPaths.Remove(asset.Id);
            ForgetEmbedding(asset.Id);
            EnqueueObjects(asset);
            ids.Add(asset.Id);
        }
        foreach (var pending in _pendingVariants.Values.Where(p => ids.Contains(p.AssetId)).ToArray())
        {
            _pendingVariants.Remove(pending.Variant.Id);
            EnqueueObject(pending.Variant.Location);
        }
    }
}
