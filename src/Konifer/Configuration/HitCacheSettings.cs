namespace Konifer.Configuration;

/// <summary>
/// <c>data-store.postgresql.hit-cache</c>: how many answers each instance keeps and for how long at most (the bound on
/// staleness should a listener die without noticing), and how often the listener proves its connection alive.
/// </summary>
public sealed record HitCacheSettings(bool Enabled, int MaxEntries, TimeSpan TimeToLive, TimeSpan KeepAlive)
{
    public static HitCacheSettings Default { get; } = new(true, 10_000, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
}
