using Konifer.Core.Assets;
using Konifer.Search;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Entry embeddings (search) in <c>entry_embedding</c>, ranked in process over <see cref="PostgresEmbeddingIndex"/>:
/// the top candidates are then read from the asset table, so an entry deleted on another instance is never returned
/// (and leaves this instance's index when met).
/// </summary>
public sealed partial class PostgresAssetRepository : IEntryEmbeddings
{
    // The asset may be gone by now (deleted while it was embedded): then nothing is saved.
    private const string SaveEmbeddingSql = """
        INSERT INTO entry_embedding (asset_id, model, embedding)
        SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM assets WHERE id = $1)
        ON CONFLICT (asset_id) DO UPDATE SET model = excluded.model, embedding = excluded.embedding, tx = pg_current_xact_id(), created_at = now()
        """;

    private const string FindEmbeddingSql = "SELECT embedding FROM entry_embedding WHERE asset_id = $1 AND model = $2";

    private const string ReadyByIdsSql = $"SELECT {PostgresAssetSql.AssetColumns} FROM assets a WHERE a.id = ANY($1) AND a.is_ready";

    private const string WithoutEmbeddingSql = $"""
        SELECT {PostgresAssetSql.AssetColumns} FROM assets a
        WHERE a.is_ready AND a.id > $1 AND NOT EXISTS (SELECT 1 FROM entry_embedding e WHERE e.asset_id = a.id AND e.model = $2)
        ORDER BY a.id LIMIT $3
        """;

    private readonly PostgresEmbeddingIndex _embeddingIndex = new(dataSource, TimeProvider.System);

    public async Task SaveAsync(Guid assetId, string model, float[] embedding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(embedding);
        await using var command = dataSource.CreateCommand(SaveEmbeddingSql);
        Add(command, assetId, NpgsqlDbType.Uuid);
        Add(command, model, NpgsqlDbType.Text);
        Add(command, embedding, NpgsqlDbType.Array | NpgsqlDbType.Real);
        try
        {
            await command.NonQueryAsync(dataSource, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return; // deleted between the check and the insert
        }
    }

    public async Task<float[]?> FindAsync(Guid assetId, string model, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(FindEmbeddingSql);
        Add(command, assetId, NpgsqlDbType.Uuid);
        Add(command, model, NpgsqlDbType.Text);
        await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
        return await reader.NextAsync(cancellationToken).ConfigureAwait(false) ? reader.GetFieldValue<float[]>(0) : null;
    }

    public async Task<IReadOnlyList<RankedAsset>> RankAsync(SimilarityQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = await _embeddingIndex.SyncedAsync(query.Model, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var candidates = index.Top(query.Root, query.Vector, query.Limit, query.Excluded);
            if (candidates.Count == 0) return [];
            var assets = (await QueryAssetsAsync(ReadyByIdsSql, cancellationToken,
                (candidates.Select(c => c.AssetId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid)).ConfigureAwait(false)).ToDictionary(a => a.Id);
            var ranked = new List<RankedAsset>(query.Limit);
            var gone = 0;
            foreach (var (assetId, similarity) in candidates)
            {
                // Embeddings are saved for ready entries only, and an entry never stops being ready: absent means deleted.
                if (!assets.TryGetValue(assetId, out var asset))
                {
                    _embeddingIndex.Remove(assetId);
                    gone++;
                }
                else ranked.Add(new RankedAsset(asset, similarity));
            }
            // Deleted candidates have left the index and made room: rank again, unless the index had no more to give.
            if (gone == 0 || candidates.Count < query.Limit) return ranked;
        }
    }

    public Task<IReadOnlyList<Asset>> WithoutEmbeddingAsync(string model, Guid after, int count, CancellationToken cancellationToken) =>
        QueryAssetsAsync(WithoutEmbeddingSql, cancellationToken, (after, NpgsqlDbType.Uuid), (model, NpgsqlDbType.Text), (count, NpgsqlDbType.Integer));
}
