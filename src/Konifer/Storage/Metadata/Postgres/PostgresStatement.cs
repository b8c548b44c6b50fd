using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>SQL with its positional parameters ($1, $2, …), built once so that tests can EXPLAIN exactly what runs.</summary>
internal sealed record PostgresStatement(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public NpgsqlCommand CreateCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand(Sql, connection, transaction);
        foreach (var parameter in Parameters) command.Parameters.Add(parameter.Clone());
        return command;
    }
}
