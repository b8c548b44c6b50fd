namespace Konifer.Variants.Claims;

/// <summary>
/// The process's waiters on claims, by asset: an adapter of <see cref="IGenerationClaims"/> hands out its watches
/// here and signals what it hears (its own releases, another instance's notifications), so a release wakes every
/// waiter of this process through one listener rather than one connection or poll per waiter.
/// </summary>
public sealed class ClaimSignals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, HashSet<ClaimWatch>> _watches = [];

    public ClaimWatch Watch(Guid assetId)
    {
        var watch = new ClaimWatch(this, assetId);
        lock (_gate)
        {
            if (!_watches.TryGetValue(assetId, out var set)) _watches[assetId] = set = [];
            set.Add(watch);
        }
        return watch;
    }

    /// <summary>A claim of the asset was released: wakes its watches.</summary>
    public void Signal(Guid assetId)
    {
        ClaimWatch[] woken;
        lock (_gate)
        {
            if (!_watches.Remove(assetId, out var set)) return;
            woken = [.. set];
        }
        foreach (var watch in woken) watch.Fire();
    }

    /// <summary>News may have been missed (a listener reconnected): wakes every watch, each re-checks its own.</summary>
    public void SignalAll()
    {
        ClaimWatch[] woken;
        lock (_gate)
        {
            woken = [.. _watches.Values.SelectMany(set => set)];
            _watches.Clear();
        }
        foreach (var watch in woken) watch.Fire();
    }

    /// <summary>How many watches wait now (for tests and diagnostics).</summary>
    public int Waiting
    {
        get { lock (_gate) return _watches.Values.Sum(set => set.Count); }
    }

    internal void Forget(ClaimWatch watch)
    {
        lock (_gate)
        {
            if (_watches.TryGetValue(watch.AssetId, out var set) && set.Remove(watch) && set.Count == 0) _watches.Remove(watch.AssetId);
        }
    }
}
