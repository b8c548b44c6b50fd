using Konifer.Core.Assets;
using Konifer.Search;

namespace Konifer.Storage.Metadata;

/// <summary>
/// Entry embeddings (search): kept next to the entries, one brute-force index per model, dropped when the entry is
/// deleted (see Forget). Ranking reads the index without the store's lock, then keeps the entries still ready.
/// </summary>
public sealed partial class InMemoryAssetRepository : IEntryEmbeddings
{
    private readonly Dictionary<string, VectorIndex> _embeddingIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _embeddingModels = [];

    public Task SaveAsync(Guid assetId, string model, float[] embedding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(embedding);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var path = _readyPaths.GetValueOrDefault(assetId) ?? _pending.GetValueOrDefault(assetId)?.Path;
            if (path is null) return Task.CompletedTask;
            ForgetEmbedding(assetId);
            if (!_embeddingIndexes.TryGetValue(model, out var index)) _embeddingIndexes[model] = index = new VectorIndex();
            index.Upsert(assetId, path, (float[])embedding.Clone());
            _embeddingModels[assetId] = model;
        }
        return Task.CompletedTask;
    }

    public Task<float[]?> FindAsync(Guid assetId, string model, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var vector = _embeddingIndexes.TryGetValue(model, out var index) ? index.Find(assetId) : null;
            return Task.FromResult((float[]?)vector?.Clone());
        }
    }

    public Task<IReadOnlyList<RankedAsset>> RankAsync(SimilarityQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        VectorIndex? index;
        lock (_gate) _embeddingIndexes.TryGetValue(query.Model, out index);
        if (index is null) return Task.FromResult<IReadOnlyList<RankedAsset>>([]);
        var top = index.Top(query.Root, query.Vector, query.Limit, query.Excluded);
        var ranked = new List<RankedAsset>(top.Count);
        lock (_gate)
        {
            // Not ready yet (embedded before the entry became visible): not a result.
            foreach (var (assetId, similarity) in top)
                if (TryFindReady(assetId, out _, out var assets, out var position)) ranked.Add(new RankedAsset(assets[position], similarity));
        }
        return Task.FromResult<IReadOnlyList<RankedAsset>>(ranked);
    }

    public Task<IReadOnlyList<Asset>> WithoutEmbeddingAsync(string model, Guid after, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var snapshot = _ready;
            IReadOnlyList<Asset> found = _readyPaths
                .Where(p => p.Key.CompareTo(after) > 0 && !(_embeddingModels.TryGetValue(p.Key, out var m) && m == model))
                .OrderBy(p => p.Key)
                .Take(count)
                .Select(p => snapshot[p.Value].First(a => a.Id == p.Key))
                .ToArray();
            return Task.FromResult(found);
        }
    }

    /// <summary>Drops an entry's embedding. Caller holds the lock.</summary>
    private void ForgetEmbedding(Guid assetId)
    {
        if (_embeddingModels.Remove(assetId, out var model)) _embeddingIndexes[model].Remove(assetId);
    }
}
