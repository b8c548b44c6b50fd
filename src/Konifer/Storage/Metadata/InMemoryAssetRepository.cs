using System.Collections.Immutable;
using Konifer.Core.Assets;
using Konifer.Core.Storage;

namespace Konifer.Storage.Metadata;

/// <summary>
/// The development metadata store: assets and the object deletion outbox in process memory, lost on restart.
/// It is every role of the store (entries, variant records, stale records, outbox) because a delete must remove
/// records and queue their objects in one atomic step. Writers serialize on one lock; readers take an immutable
/// snapshot of the ready assets without it. One partial file per role.
/// </summary>
public sealed partial class InMemoryAssetRepository
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

    /// <summary>Access scores and last accesses of ready generated variants, by variant id (see the Retention part).</summary>
    private readonly Dictionary<Guid, AccessStats> _accessStats = [];
    private long _nextOutboxId = 1;

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

    /// <summary>Queues one deletion per variant object, due at once. Caller holds the lock.</summary>
    private void EnqueueObjects(Asset asset)
    {
        foreach (var variant in asset.Variants) RemoveVariantObject(variant);
    }

    /// <summary>Forgets a removed variant's access statistics and queues its object. Caller holds the lock.</summary>
    private void RemoveVariantObject(Variant variant)
    {
        _accessStats.Remove(variant.Id);
        EnqueueObject(variant.Location);
    }

    private void EnqueueObject(ObjectLocation location)
    {
        var id = _nextOutboxId++;
        _outbox.Add(id, new OutboxEntry(id, location));
    }
}
