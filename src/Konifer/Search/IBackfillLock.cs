namespace Konifer.Search;

/// <summary>
/// Lets one instance at a time run the search backfill, so that several instances on one metadata store do not embed
/// the same entries twice (a PostgreSQL advisory lock; always granted in a single process).
/// </summary>
public interface IBackfillLock
{
    /// <summary>The lock, held until disposed; null when another instance holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken);
}
