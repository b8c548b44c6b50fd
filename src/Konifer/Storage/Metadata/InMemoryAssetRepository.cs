using System.Collections.Immutable;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;

namespace Konifer.Storage.Metadata;

/// <summary>
/// The development metadata store: assets and the object deletion outbox in process memory, lost on restart.
/// It is both the repository and the outbox because a delete must remove records and queue their objects in one
/// atomic step. Writers serialize on one lock; readers take an immutable snapshot of the ready assets without it.
/// </summary>
public sealed class InMemoryAssetRepository : IAssetRepository, IObjectDeletionOutbox
{
    private readonly Lock _gate = new();

    /// <summary>Ready (visible) assets per path, sorted by entry id; replaced as a whole under the lock.</summary>
    private ImmutableDictionary<AssetPath, ImmutableArray<Asset>> _ready = ImmutableDictionary<AssetPath, ImmutableArray<Asset>>.Empty;

    private readonly Dictionary<Guid, AssetPath> _readyPaths = [];
    private readonly Dictionary<Guid, Asset> _pending = [];

    /// <summary>Generated variants being uploaded, by variant id; not part of their (ready) asset until marked ready.</summary>
    private readonly Dictionary<Guid, PendingVariant> _pendingVariants = [];
    private readonly Dictionary<AssetPath, long> _nextEntryIds = [];
    private readonly SortedDictionary<long, OutboxEntry> _outbox = [];
    private long _nextOutboxId = 1;

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
            if (_pending.Remove(assetId, out var asset)) EnqueueObjects(asset);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Asset>> FindPendingOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<Asset> stale = OldestBefore(_pending.Values, a => a.CreatedAt, a => a.Id, cutoff, max);
            return Task.FromResult(stale);
        }
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

    public Task<IReadOnlyList<PendingVariant>> SweepPendingVariantsAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<PendingVariant> stale = OldestBefore(_pendingVariants.Values, p => p.Variant.CreatedAt, p => p.Variant.Id, cutoff, max);
            foreach (var pending in stale)
            {
                _pendingVariants.Remove(pending.Variant.Id);
                EnqueueObject(pending.Variant.Location);
            }
            return Task.FromResult(stale);
        }
    }

    /// <summary>Up to <paramref name="max"/> pending records made before <paramref name="cutoff"/>, oldest first (ties by id), as a snapshot.</summary>
    private static T[] OldestBefore<T>(IEnumerable<T> pending, Func<T, DateTimeOffset> createdAt, Func<T, Guid> id, DateTimeOffset cutoff, int max) =>
        pending.Where(p => createdAt(p) < cutoff).OrderBy(createdAt).ThenBy(id).Take(max).ToArray();

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

    public Task<int> DeleteExpiredVariantsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var ready = _ready;
            var deleted = 0;
            foreach (var (path, assets) in _ready)
            {
                var changed = assets;
                for (var i = 0; i < changed.Length && deleted < max; i++)
                {
                    var expired = changed[i].Variants.Where(v => !v.IsOriginal && v.ExpiresAt <= now).Take(max - deleted).ToArray();
                    if (expired.Length == 0) continue;
                    foreach (var variant in expired) EnqueueObject(variant.Location);
                    changed = changed.SetItem(i, changed[i] with { Variants = changed[i].Variants.Except(expired).ToArray() });
                    deleted += expired.Length;
                }
                if (changed != assets) ready = ready.SetItem(path, changed);
                if (deleted >= max) break;
            }
            Volatile.Write(ref _ready, ready);
            return Task.FromResult(deleted);
        }
    }

    /// <summary>Finds a ready asset by id. Caller holds the lock.</summary>
    private bool TryFindReady(Guid assetId, out AssetPath path, out ImmutableArray<Asset> assets, out int index)
    {
        assets = default;
        index = -1;
        if (!_readyPaths.TryGetValue(assetId, out path!)) return false;
        assets = _ready[path];
        for (var i = 0; i < assets.Length; i++)
            if (assets[i].Id == assetId) { index = i; return true; }
        return false;
    }

    public Task<IReadOnlyList<PendingDeletion>> ClaimDueAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var claimed = new List<PendingDeletion>();
            foreach (var entry in _outbox.Values)
            {
                if (claimed.Count >= max) break;
                if (entry.NextAttemptAt > now) continue;
                entry.NextAttemptAt = now + lease;
                entry.Attempts++;
                claimed.Add(new PendingDeletion(entry.Id, entry.Location, entry.Attempts));
            }
            return Task.FromResult<IReadOnlyList<PendingDeletion>>(claimed);
        }
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) _outbox.Remove(id);
        return Task.CompletedTask;
    }

    public Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_outbox.TryGetValue(id, out var entry))
            {
                entry.NextAttemptAt = nextAttemptAt;
                entry.LastError = error;
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_outbox.Count);
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
            EnqueueObjects(asset);
            ids.Add(asset.Id);
        }
        foreach (var pending in _pendingVariants.Values.Where(p => ids.Contains(p.AssetId)).ToArray())
        {
            _pendingVariants.Remove(pending.Variant.Id);
            EnqueueObject(pending.Variant.Location);
        }
    }

    /// <summary>Queues one deletion per variant object, due at once. Caller holds the lock.</summary>
    private void EnqueueObjects(Asset asset)
    {
        foreach (var variant in asset.Variants) EnqueueObject(variant.Location);
    }

    private void EnqueueObject(ObjectLocation location)
    {
        var id = _nextOutboxId++;
        _outbox.Add(id, new OutboxEntry(id, location));
    }

    private sealed class OutboxEntry(long id, ObjectLocation location)
    {
        public long Id { get; } = id;
        public ObjectLocation Location { get; } = location;
        public int Attempts { get; set; }
        public DateTimeOffset NextAttemptAt { get; set; } = DateTimeOffset.MinValue;
        public string? LastError { get; set; }
    }
}
