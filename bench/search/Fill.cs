using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Search;
using Konifer.Storage.Metadata;
using Konifer.Storage.Metadata.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Bench.Search;

/// <summary>Entries with random unit embeddings, spread over 1000 paths below /bench (so a search of /bench ranks them all).</summary>
internal static class Fill
{
    private static AssetPath PathOf(int i) => AssetPath.Parse($"/bench/u{i % 1000}/photo");

    /// <summary>Ready assets and their embeddings by binary COPY, as if uploaded with search on (no variant rows: ranking does not read them).</summary>
    public static async Task PostgresAsync(NpgsqlDataSource dataSource, int count, int dimensions, string model, Random random)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        var now = DateTime.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var assets = await connection.BeginBinaryImportAsync(
                         "COPY assets (id, path, path_text, entry_id, source, is_ready, created_at, modified_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var path = PathOf(i);
                await assets.StartRowAsync();
                await assets.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await assets.WriteAsync(LtreePath.Encode(path), NpgsqlDbType.LTree);
                await assets.WriteAsync(path.Value, NpgsqlDbType.Text);
                await assets.WriteAsync((long)(i / 1000), NpgsqlDbType.Bigint);
                await assets.WriteAsync("upload", NpgsqlDbType.Text);
                await assets.WriteAsync(true, NpgsqlDbType.Boolean);
                await assets.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await assets.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await assets.CompleteAsync();
        }
        await using (var embeddings = await connection.BeginBinaryImportAsync("COPY entry_embedding (asset_id, model, embedding) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                await embeddings.StartRowAsync();
                await embeddings.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await embeddings.WriteAsync(model, NpgsqlDbType.Text);
                await embeddings.WriteAsync(Vectors.RandomUnit(random, dimensions), NpgsqlDbType.Array | NpgsqlDbType.Real);
            }
            await embeddings.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Entries through the store's own interface, as uploads with search on make them.</summary>
    public static async Task InMemoryAsync(InMemoryAssetRepository store, int count, int dimensions, string model, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            var pending = await store.CreatePendingAsync(new PendingAsset(PathOf(i), AssetInformation.Empty, AssetSource.Upload, null,
                ObjectLocation.NewFor("assets", ImageFormat.Jpeg), new ImageAttributes(640, 480, ImageFormat.Jpeg, 1, null, "srgb"), Lqip.None,
                DateTimeOffset.UtcNow), CancellationToken.None);
            await store.MarkReadyAsync(pending.Id, CancellationToken.None);
            await ((IEntryEmbeddings)store).SaveAsync(pending.Id, model, Vectors.RandomUnit(random, dimensions), CancellationToken.None);
        }
    }
}
