using Konifer.Core.Storage;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Every round trip of the repository to the server goes through here (opening a connection, running a statement,
/// reading the next row), for two reasons.
/// <para>
/// An outage becomes a <see cref="MetadataStoreUnavailableException"/> (see <see cref="PostgresOutage"/>),
/// so the rest of the service never sees Npgsql's exceptions; other failures go on unchanged.
/// </para>
/// <para>
/// One failed statement must not spoil a pooled connection for the next request. Npgsql 10 (npgsql/npgsql#6391)
/// leaves a connection's auto-prepared statements out of step with the server when a statement fails in the round
/// trip that prepares it; the next command on that connection then reads a reply meant for another ("Received
/// unexpected backend message DataRow"). After any error PostgreSQL reports for a statement the pool is cleared, so
/// that connection is closed rather than reused. Such errors are rare (input is validated before it gets here; a
/// unique-key race between instances is the one expected case), so the reconnects cost nothing in practice, and
/// auto-preparation keeps saving a parse and plan on every hot statement.
/// </para>
/// </summary>
internal static class PostgresCommandExecution
{
    public static async Task<NpgsqlConnection> ConnectAsync(this NpgsqlDataSource pool, CancellationToken cancellationToken)
    {
        try
        {
            return await pool.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgresOutage.Translate(e, cancellationToken) is { } outage)
        {
            throw outage;
        }
    }

    public static async Task<object?> ScalarAsync(this NpgsqlCommand command, NpgsqlDataSource pool, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Failed(e, pool, cancellationToken) is { } outage)
        {
            throw outage;
        }
    }

    public static async Task<int> NonQueryAsync(this NpgsqlCommand command, NpgsqlDataSource pool, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Failed(e, pool, cancellationToken) is { } outage)
        {
            throw outage;
        }
    }

    public static async Task<NpgsqlDataReader> ReaderAsync(this NpgsqlCommand command, NpgsqlDataSource pool, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Failed(e, pool, cancellationToken) is { } outage)
        {
            throw outage;
        }
    }

    /// <summary>Reads the next row; rows after the first batch come over the network, so the connection can fail here too.</summary>
    public static async Task<bool> NextAsync(this NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgresOutage.Translate(e, cancellationToken) is { } outage)
        {
            throw outage;
        }
    }

    /// <summary>
    /// An exception filter for a failed statement: clears the pool after an error the server reported, and returns the
    /// outage to throw instead, or null to let the exception go on unchanged.
    /// </summary>
    private static MetadataStoreUnavailableException? Failed(Exception e, NpgsqlDataSource pool, CancellationToken cancellationToken)
    {
        if (e is PostgresException) pool.Clear();
        return PostgresOutage.Translate(e, cancellationToken);
    }
}
