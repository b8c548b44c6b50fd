using Konifer.Core.Assets;
using Konifer.Storage.Metadata.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Bench.Search;

/// <summary>The ranking done by PostgreSQL alone, without pgvector: a dot product over unnest of the two arrays per row.</summary>
internal static class SqlRanking
{
    private const string Sql = """
        SELECT e.asset_id, (SELECT sum(x * y) FROM unnest(e.embedding, $1::real[]) AS t(x, y)) AS score
        FROM entry_embedding e JOIN assets a ON a.id = e.asset_id
        WHERE a.path <@ $2::ltree AND a.is_ready AND e.model = $3
        ORDER BY score DESC LIMIT $4
        """;

    public static async Task<List<Guid>> TopAsync(NpgsqlDataSource dataSource, AssetPath root, string model, float[] query, int limit)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.CommandTimeout = 600;
        command.Parameters.Add(new NpgsqlParameter { Value = query, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        command.Parameters.Add(new NpgsqlParameter { Value = LtreePath.Encode(root), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = model, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        var found = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add(reader.GetGuid(0));
        return found;
    }
}
