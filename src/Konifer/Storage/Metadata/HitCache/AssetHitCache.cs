using System.Collections.Concurrent;
using Konifer.Configuration;
using Konifer.Core.Assets;

namespace Konifer.Storage.Metadata.HitCache;

/// <summary>
/// Answers of <see cref="IAssetEntries.FindAsync"/> kept in memory, per path and query, so a hit needs no round trip to
/// the shared metadata store. Correctness rests on invalidation: whoever learns that a path changed (a local write, or a
/// notification from another instance) calls <see cref="Invalidate"/>; while that news cannot arrive (the listener is
/// down) the cache is bypassed (<see cref="Suspend"/>). Three guards bound what it can serve stale:
/// <list type="bullet">
/// <item>an epoch, bumped before every eviction: an answer is kept only if no eviction happened between the moment its
/// query started and the moment it was stored, so a read that raced a write never refills the cache with the older
/// answer (fill = insert then re-check, evict = bump then remove: one of the two always removes it);</item>
/// <item>bypass and flush while not serving, and a flush again when serving resumes (news missed meanwhile);</item>
/// <item>a safety time to live per answer, the worst case when a listener dies without its connection noticing.</item>
/// </list>
/// Bounded by a count of answers: past it, about an eighth of the paths are dropped (arbitrary ones, not least
/// recently used: cheaper, and a dropped hot path costs one query to come back).
/// </summary>
public sealed class AssetHitCache(HitCacheSettings settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<QueryKey, Answer>> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, string> _assetPaths = new();
    private long _epoch;
    private int _count;
    private volatile bool _serving;

    /// <summary>Whether answers are served and kept (the invalidation channel is up).</summary>
    public bool IsServing => _serving;

    /// <summary>How many answers are kept now (approximate under concurrency).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Starts a read: the token to give <see cref="TryStore"/>, or null when the cache is bypassed. Take it before
    /// the query starts.
    /// </summary>
    public ReadToken? BeginRead() => _serving ? new ReadToken(Interlocked.Read(ref _epoch)) : null;

    public bool TryGet(AssetPath path, AssetQuery query, out IReadOnlyList<Asset> assets)
    {
        assets = [];
        if (!_serving || !_paths.TryGetValue(path.Value, out var answers) || !answers.TryGetValue(QueryKey.Of(query), out var answer))
            return false;
        if (answer.ExpiresAt <= clock.GetUtcNow())
        {
            if (answers.TryRemove(new KeyValuePair<QueryKey, Answer>(QueryKey.Of(query), answer))) Interlocked.Decrement(ref _count);
            return false;
        }
        assets = answer.Assets;
        return true;
    }

    /// <summary>Keeps the answer of a read begun with <paramref name="token"/>, unless something was evicted since.</summary>
    public void TryStore(ReadToken token, AssetPath path, AssetQuery query, IReadOnlyList<Asset> assets)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!_serving || Interlocked.Read(ref _epoch) != token.Epoch) return;
        if (Count >= settings.MaxEntries) Shrink();
        var key = QueryKey.Of(query);
        var answer = new Answer(assets, clock.GetUtcNow() + settings.TimeToLive);
        var answers = _paths.GetOrAdd(path.Value, _ => new ConcurrentDictionary<QueryKey, Answer>());
        answers[key] = answer;
        Interlocked.Increment(ref _count);
        foreach (var asset in assets) _assetPaths[asset.Id] = path.Value;
        // Re-check after inserting: an eviction that bumped the epoch meanwhile may have run before the insert.
        if (!_serving || Interlocked.Read(ref _epoch) != token.Epoch)
        {
            if (answers.TryRemove(new KeyValuePair<QueryKey, Answer>(key, answer))) Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Evicts every answer of this path (a path of a store's own encoding; "*" evicts all).</summary>
    public void Invalidate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "*")
        {
            Flush();
            return;
        }
        Interlocked.Increment(ref _epoch);
        if (_paths.TryRemove(path, out var answers)) Interlocked.Add(ref _count, -answers.Count);
    }

    /// <summary>Evicts the answers holding this asset (a write that knows the asset, not its path).</summary>
    public void InvalidateAsset(Guid assetId)
    {
        Interlocked.Increment(ref _epoch);
        if (_assetPaths.TryRemove(assetId, out var path)) Invalidate(path);
    }

    /// <summary>Bypasses the cache and empties it: news of changes can no longer arrive.</summary>
    public void Suspend()
    {
        _serving = false;
        Flush();
    }

    /// <summary>Empties the cache (news missed while suspended) and serves from it again.</summary>
    public void Resume()
    {
        Flush();
        _serving = true;
    }

    private void Flush()
    {
        Interlocked.Increment(ref _epoch);
        foreach (var path in _paths.Keys) Invalidate(path);
        _assetPaths.Clear();
    }

    private void Shrink()
    {
        var drop = Math.Max(1, _paths.Count / 8);
        foreach (var path in _paths.Keys.Take(drop)) Invalidate(path);
        if (_assetPaths.Count > 4 * settings.MaxEntries) _assetPaths.Clear();
    }

    /// <summary>The epoch a read started in.</summary>
    public sealed record ReadToken(long Epoch);

    private sealed record Answer(IReadOnlyList<Asset> Assets, DateTimeOffset ExpiresAt);

    /// <summary>A query as a key: labels in a canonical order, so equal queries meet.</summary>
    private readonly record struct QueryKey(long? EntryId, AssetOrder Order, int Limit, string Labels)
    {
        public static QueryKey Of(AssetQuery query) => new(query.EntryId, query.Order, query.Limit,
            query.Labels.Count == 0 ? "" : string.Join('\n', query.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}\n{l.Value}")));
    }
}
