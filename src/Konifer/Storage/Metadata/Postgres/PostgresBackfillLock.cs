using Konifer.Search;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// The search backfill's lock across instances: a session advisory lock, held on one connection for the round and
/// released with it (also if the instance dies, as the session ends).
/// </summary>
public sealed class PostgresBackfillLock(NpgsqlDataSource dataSource) : IBackfillLock
{
    /// <summary>Any constant works as long as every instance uses the same one ("KSearch" in ASCII).</summary>
    private const long LockKey = 0x4B536561726368;

    public async Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection);
            if ((bool)(await command.ScalarAsync(dataSource, cancellationToken).ConfigureAwait(false))!) return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Unlocking keeps the pooled connection clean; closing the session would release it too.
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
                await command.ExecuteScalarAsync().ConfigureAwait(false);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
