using Konifer.Core.Assets;

namespace Konifer.Storage.Metadata;

/// <summary>What the background sweeps remove: uploads that never became ready, and expired variants.</summary>
public sealed partial class InMemoryAssetRepository : IStaleRecords
{
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
                    foreach (var variant in expired) RemoveVariantObject(variant);
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

    /// <summary>Up to <paramref name="max"/> pending records made before <paramref name="cutoff"/>, oldest first (ties by id), as a snapshot.</summary>
    private static T[] OldestBefore<T>(IEnumerable<T> pending, Func<T, DateTimeOffset> createdAt, Func<T, Guid> id, DateTimeOffset cutoff, int max) =>
        pending.Where(p => createdAt(p) < cutoff).OrderBy(createdAt).ThenBy(id).Take(max).ToArray();
}
