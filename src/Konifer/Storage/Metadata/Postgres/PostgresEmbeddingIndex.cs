using Konifer.Core.Assets;
using Konifer.Search;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// This instance's copy of the <c>entry_embedding</c> rows of one model, for ranking in process (no pgvector). Loaded
/// on the first search, then brought up to date before each search with the rows written by transactions at or after
/// the oldest transaction still running at the previous read (<c>pg_snapshot_xmin</c>): every transaction before that
/// had committed (or aborted) and so was seen, whatever order ids were handed out in. Re-read rows are upserted
/// again, harmlessly. Rows of deleted entries are removed when a search meets them (the caller checks candidates
/// against the asset table), and by a full reload every <see cref="FullReloadInterval"/>.
/// </summary>
internal sealed class PostgresEmbeddingIndex(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan FullReloadInterval = TimeSpan.FromMinutes(30);

    // One statement, so one snapshot: the rows and the xmin that bounds the next read are consistent. The LEFT JOIN
    // answers one row with the xmin even when nothing changed.
    private const string SyncSql = """
        WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin)
        SELECT snapshot.xmin, e.asset_id, a.path_text, e.embedding
        FROM snapshot LEFT JOIN (entry_embedding e JOIN assets a ON a.id = e.asset_id)
            ON e.model = $1 AND ($2::text IS NULL OR e.tx >= $2::text::xid8)
        """;

    private readonly SemaphoreSlim syncing = new(1, 1);
    private VectorIndex index = new();
    private string? model;
    private string? watermark;
    private DateTimeOffset loadedAt;

    /// <summary>The index of <paramref name="forModel"/>, with every row committed before this call.</summary>
    public async Task<VectorIndex> SyncedAsync(string forModel, CancellationToken cancellationToken)
    {
        await syncing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var full = watermark is null || model != forModel || clock.GetUtcNow() - loadedAt >= FullReloadInterval;
            var target = full ? new VectorIndex() : index;
            var next = await ReadAsync(target, forModel, full ? null : watermark, cancellationToken).ConfigureAwait(false);
            if (full)
            {
                index = target;
                model = forModel;
                loadedAt = clock.GetUtcNow();
            }
            watermark = next;
            return index;
        }
        finally
        {
            syncing.Release();
        }
    }

    public void Remove(Guid assetId) => index.Remove(assetId);

    private async Task<string?> ReadAsync(VectorIndex target, string forModel, string? since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SyncSql);
        command.Parameters.Add(new NpgsqlParameter { Value = forModel, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)since ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ReaderAsync(dataSource, cancellationToken).ConfigureAwait(false);
        string? xmin = null;
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            xmin ??= reader.GetString(0);
            if (reader.IsDBNull(1)) continue;
            target.Upsert(reader.GetGuid(1), AssetPath.Parse(reader.GetString(2)), reader.GetFieldValue<float[]>(3));
        }
        return xmin;
    }
}
