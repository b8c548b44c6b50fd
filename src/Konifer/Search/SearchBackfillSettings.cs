namespace Konifer.Search;

/// <summary>How the search backfill runs: a round at start-up and then every <see cref="Interval"/>.</summary>
/// <param name="PageSize">Entries listed per query; they are embedded one at a time whatever this is.</param>
/// <param name="BusyBackOff">The wait when the inference queue is full (uploads come first), before trying the same entry again.</param>
public sealed record SearchBackfillSettings(TimeSpan Interval, int PageSize, TimeSpan BusyBackOff)
{
    public static SearchBackfillSettings Default { get; } = new(TimeSpan.FromMinutes(10), 500, TimeSpan.FromSeconds(5));
}
