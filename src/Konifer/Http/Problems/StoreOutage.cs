using Amazon.Runtime;
using Konifer.Core.Storage;
using Npgsql;

namespace Konifer.Http.Problems;

/// <summary>
/// Recognises errors that mean a store is down rather than that the request or our code is wrong, so that clients
/// get 503 with Retry-After (try again later) instead of 500. The client sees a fixed sentence; the cause, which may
/// name hosts, ports or buckets, is only logged.
/// </summary>
internal static class StoreOutage
{
    public const string MetadataStoreMessage =
        "The metadata store is unavailable right now. Try again shortly.";

    public const string ObjectStoreMessage =
        "The object store is unavailable right now. Try again shortly.";

    /// <summary>How long clients are asked to wait: about what a database restart or failover takes.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The client-facing message when <paramref name="exception"/> (or one it wraps) is a store outage, else null.</summary>
    public static string? MessageFor(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate)
                return aggregate.InnerExceptions.Select(MessageFor).FirstOrDefault(m => m is not null);
            switch (e)
            {
                case PostgresException postgres:
                    return IsConnectionLevel(postgres.SqlState) ? MetadataStoreMessage : null;
                case NpgsqlException:
                    // Raised by Npgsql itself (no server error): refused or broken connections, timeouts, an exhausted pool.
                    return MetadataStoreMessage;
                case ObjectStoreUnavailableException:
                    return ObjectStoreMessage;
                case AmazonServiceException { StatusCode: 0 or >= System.Net.HttpStatusCode.InternalServerError }:
                case AmazonClientException:
                    return ObjectStoreMessage;
            }
        }
        return null;
    }

    /// <summary>
    /// SQLSTATEs of a server that cannot take the request now: connection exceptions (08), insufficient resources
    /// (53, e.g. too many connections), operator intervention (57P01-57P05: shutdown, crash recovery, starting up)
    /// and system errors (58). Constraint violations, syntax errors and the like stay 500: retrying will not help.
    /// </summary>
    private static bool IsConnectionLevel(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P", StringComparison.Ordinal)
        || sqlState.StartsWith("58", StringComparison.Ordinal);
}
