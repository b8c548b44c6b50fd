using System.Collections.Concurrent;
using Konifer.Core.Assets;

namespace Konifer.Variants;

/// <summary>
/// Counts accesses of generated variants in memory, per instance, until <see cref="VariantAccessFlusher"/> writes
/// them in one batch: a cache hit then costs a dictionary lookup and an uncontended lock, never a metadata write.
/// The access score, the last access and an idle variant's expiry all come from these counts.
/// </summary>
public sealed class VariantAccessBuffer : IDisposable
{
    /// <summary>Distinct variants at which a flush is due before its time.</summary>
    public const int FlushThreshold = 10_000;

    /// <summary>
    /// Distinct variants beyond which new ones are not counted (existing ones still are): only reached when flushes
    /// keep failing (the metadata store is down), and it bounds the memory such an outage can take.
    /// </summary>
    public const int MaxDistinct = 10 * FlushThreshold;

    private readonly ConcurrentDictionary<Guid, Tally> _tallies = new();
    private readonly SemaphoreSlim _full = new(0, 1);
    private int _distinct;

    /// <summary>Distinct variants counted since the last drain.</summary>
    /// <remarks>
    /// Briefly negative while a drain removes a tally that <see cref="Add"/> has inserted but not counted yet, hence
    /// the floor (a negative list capacity threw in the hit path's flusher).
    /// </remarks>
    public int Count => Math.Max(0, Volatile.Read(ref _distinct));

    /// <summary>Counts one access of a generated variant.</summary>
    /// <param name="idleExpiresAt">For idle-expiring variants, the expiry this access gives; otherwise null.</param>
    public void Record(Guid assetId, Guid variantId, DateTimeOffset at, DateTimeOffset? idleExpiresAt, TimeSpan halfLife) =>
        Add(assetId, variantId, 1, at, idleExpiresAt, halfLife);

    /// <summary>Takes every count so far; the buffer starts again from nothing for those variants.</summary>
    public IReadOnlyList<VariantAccess> Drain()
    {
        var drained = new List<VariantAccess>(Count);
        foreach (var variantId in _tallies.Keys)
        {
            if (!_tallies.TryRemove(variantId, out var tally)) continue;
            Interlocked.Decrement(ref _distinct);
            lock (tally)
            {
                tally.Drained = true;
                drained.Add(tally.ToAccess(variantId));
            }
        }
        return drained;
    }

    /// <summary>Puts back counts whose flush failed, so that the next flush writes them.</summary>
    public void Restore(IEnumerable<VariantAccess> accesses)
    {
        ArgumentNullException.ThrowIfNull(accesses);
        foreach (var a in accesses) Add(a.AssetId, a.VariantId, a.Count, a.LastAccessedAt, a.ExpiresAt, a.AccessScoreHalfLife);
    }

    /// <summary>Waits until <see cref="FlushThreshold"/> distinct variants are counted or <paramref name="timeout"/> passes.</summary>
    public async Task WaitUntilFullAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var full = _full.WaitAsync(linked.Token);
        await Task.WhenAny(full, Task.Delay(timeout, clock, linked.Token)).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _full.Dispose();

    /// <summary>Allocates only for a variant's first access since the last drain.</summary>
    private void Add(Guid assetId, Guid variantId, long count, DateTimeOffset at, DateTimeOffset? expiresAt, TimeSpan halfLife)
    {
        while (true)
        {
            if (!_tallies.TryGetValue(variantId, out var tally))
            {
                if (Count >= MaxDistinct) return;
                tally = new Tally(assetId, at);
                if (!_tallies.TryAdd(variantId, tally)) continue;
                if (Interlocked.Increment(ref _distinct) == FlushThreshold) SignalFull();
            }
            lock (tally)
            {
                // Drained between the lookup and the lock: count it in a fresh tally instead.
                if (tally.Drained) continue;
                tally.Add(count, at, expiresAt, halfLife);
                return;
            }
        }
    }

    private void SignalFull()
    {
        try
        {
            _full.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled and not yet consumed.
        }
    }

    /// <summary>One variant's counts; changed under its own lock.</summary>
    private sealed class Tally(Guid assetId, DateTimeOffset firstAccess)
    {
        private long _count;
        private DateTimeOffset _lastAccessedAt = firstAccess;
        private DateTimeOffset? _expiresAt;
        private TimeSpan _halfLife;

        public bool Drained { get; set; }

        public void Add(long count, DateTimeOffset at, DateTimeOffset? expiresAt, TimeSpan halfLife)
        {
            _count += count;
            if (at > _lastAccessedAt) _lastAccessedAt = at;
            if (expiresAt > _expiresAt || _expiresAt is null) _expiresAt = expiresAt ?? _expiresAt;
            _halfLife = halfLife;
        }

        public VariantAccess ToAccess(Guid variantId) => new(assetId, variantId, _count, _lastAccessedAt, _expiresAt, _halfLife);
    }
}
