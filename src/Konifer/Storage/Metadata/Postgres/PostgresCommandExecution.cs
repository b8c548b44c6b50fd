using System.Data.Common;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Runs the repository's statements so that one failed statement cannot spoil a pooled connection for the next
/// request. Npgsql 10 (npgsql/npgsql#6391) leaves a connection's auto-prepared statements out of step with the server
/// when a statement fails in the round trip that prepares it; the next command on that connection then reads a reply
/// meant for another ("Received unexpected backend message DataRow"). After any error PostgreSQL reports for a
/// statement the pool is cleared, so that connection is closed rather than reused. Such errors are rare (input is
/// validated before it gets here; a unique-key race between instances is the one expected case), so the reconnects
/// cost nothing in practice, and auto-preparation keeps saving a parse and plan on every hot statement.
/// </summary>
internal static class PostgresCommandExecution
{
    public static async Task<object?> ScalarAsync(this NpgsqlCommand command, NpgsqlDataSource pool, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException) when (Forget(pool))
        {
            throw; // never reached: the filter returns false
        }
    }

    public static async Task<int> NonQueryAsync(this NpgsqlCommand command, NpgsqlDataSource pool, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException) when (Forget(pool))
        {
            throw;
        }
    }

    public static async Task<NpgsqlDataReader> ReaderAsync(this NpgsqlCommand command, NpgsqlDataSource pool, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException) when (Forget(pool))
        {
            throw;
        }
    }

    /// <summary>An exception filter: clears the pool and lets the exception go on unchanged.</summary>
    public static bool Forget(NpgsqlDataSource pool)
    {
        pool.Clear();
        return false;
    }
}
