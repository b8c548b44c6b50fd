using Konifer.Core.Assets;

namespace Konifer.Storage.Metadata;

/// <summary>
/// Variant retention in memory, the same rule as PostgreSQL: access scores decay with the path's half-life, and a
/// variant becoming ready keeps the best <c>max-variants − 1</c> other ready generated variants of its asset.
/// </summary>
public sealed partial class InMemoryAssetRepository
{
    /// <summary>What ranks a variant for eviction; a variant without an entry ranks as score 0, never accessed.</summary>
    private sealed record AccessStats(double Score, DateTimeOffset ScoreAsOf, DateTimeOffset? LastAccessedAt)
    {
        /// <summary>A new variant starts with one access' worth of score, as of its creation.</summary>
        public static AccessStats New(DateTimeOffset createdAt) => new(1.0, createdAt, null);
    }

    public Task RecordAccessesAsync(IReadOnlyCollection<VariantAccess> accesses, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accesses);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var ready = _ready;
            foreach (var access in accesses)
            {
                if (!TryFindReady(access.AssetId, out var path, out _, out _)) continue;
                var assets = ready[path];
                var index = assets.IndexOf(assets.First(a => a.Id == access.AssetId));
                var asset = assets[index];
                if (asset.Variants.FirstOrDefault(v => v.Id == access.VariantId && !v.IsOriginal) is not { } variant) continue;
                var stats = _accessStats.GetValueOrDefault(variant.Id) ?? new AccessStats(0, variant.CreatedAt, null);
                _accessStats[variant.Id] = new AccessStats(
                    VariantCap.Decay(stats.Score, stats.ScoreAsOf, now, access.AccessScoreHalfLife) + access.Count,
                    now > stats.ScoreAsOf ? now : stats.ScoreAsOf,
                    Later(stats.LastAccessedAt, access.LastAccessedAt));
                if (variant.ExpiresAt is { } current && access.ExpiresAt is { } next && next > current)
                {
                    var touched = asset.Variants.Select(v => v.Id == variant.Id ? v with { ExpiresAt = next } : v).ToArray();
                    ready = ready.SetItem(path, assets.SetItem(index, asset with { Variants = touched }));
                }
            }
            Volatile.Write(ref _ready, ready);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The asset's ready generated variants (other than <paramref name="kept"/>) beyond the best
    /// <c>MaxVariants − 1</c>, ranked at the new variant's creation time. Caller holds the lock.
    /// </summary>
    private Variant[] Evicted(Asset asset, Variant kept, VariantCap cap)
    {
        var at = kept.CreatedAt;
        return asset.Variants
            .Where(v => !v.IsOriginal && v.Id != kept.Id)
            .Select(v => (Variant: v, Stats: _accessStats.GetValueOrDefault(v.Id)))
            .OrderByDescending(r => r.Stats is null ? 0 : cap.Decayed(r.Stats.Score, r.Stats.ScoreAsOf, at))
            .ThenByDescending(r => r.Stats?.LastAccessedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(r => r.Variant.CreatedAt)
            .ThenByDescending(r => r.Variant.Id)
            .Skip(Math.Max(0, cap.MaxVariants - 1))
            .Select(r => r.Variant)
            .ToArray();
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
