using Konifer.Core.Storage;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Tells a database that cannot serve now (clients should try again shortly) from a statement that failed for good
/// (a constraint, a bug: retrying will not help), so that only the former becomes a
/// <see cref="MetadataStoreUnavailableException"/> and the rest of the service never needs to know Npgsql's errors.
/// </summary>
internal static class PostgresOutage
{
    /// <summary>The exception to throw instead of <paramref name="exception"/> when it is an outage, else null.</summary>
    public static MetadataStoreUnavailableException? Translate(Exception exception, CancellationToken cancellationToken) =>
        // The caller's own cancellation is no outage, and callers watch for it by type: it passes unchanged.
        !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested) && Is(exception)
            ? new MetadataStoreUnavailableException("The PostgreSQL metadata store cannot serve requests right now.", exception)
            : null;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate) return aggregate.InnerExceptions.Any(Is);
            switch (e)
            {
                case PostgresException postgres:
                    return IsConnectionLevel(postgres.SqlState);
                case NpgsqlException:
                    // Raised by Npgsql itself (no server error): refused or broken connections, timeouts, an exhausted pool.
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// SQLSTATEs of a server that cannot take the request now: connection exceptions (08), insufficient resources
    /// (53, e.g. too many connections), operator intervention (57P01-57P05: shutdown, crash recovery, starting up)
    /// and system errors (58). Constraint violations, syntax errors and the like stay as they are: retrying will not help.
    /// </summary>
    private static bool IsConnectionLevel(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P", StringComparison.Ordinal)
        || sqlState.StartsWith("58", StringComparison.Ordinal);
}
