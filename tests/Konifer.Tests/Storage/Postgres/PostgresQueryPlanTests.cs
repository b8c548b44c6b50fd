using Konifer.Core.Assets;
using Konifer.Storage.Metadata.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>
/// With 100,000 assets, the planner runs the repository's own statements (the exact SQL and parameters it sends)
/// through the intended indexes, never a sequential scan of the assets. Half the rows sit at one busy path, the other
/// half spread over 500 paths below /bulk; the label <c>n</c> matches one asset in a thousand. A fetch
/// (<see cref="PostgresAssetSql.Find"/>) also joins the variants of what it finds through their asset index.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQueryPlanTests(PostgresServer server) : IAsyncLifetime
{
    private NpgsqlDataSource DataSource { get; set; } = null!;

    public async Task InitializeAsync() =>
        DataSource = await server.PreparedDatabaseAsync(nameof(PostgresQueryPlanTests), FillAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Migrates and fills the database once for all tests of this class; variants exist for every fifth asset.</summary>
    private static async Task FillAsync(NpgsqlDataSource dataSource)
    {
        await new PostgresMigrator(dataSource).MigrateAsync(CancellationToken.None);
        await using var fill = dataSource.CreateCommand("""
            INSERT INTO assets (id, path, path_text, entry_id, labels, source, is_ready, created_at, modified_at)
            SELECT gen_random_uuid(),
                   (CASE WHEN g < 50000 THEN 'bulk.big' ELSE 'bulk.t' || (g % 500) || '.x' END)::ltree,
                   CASE WHEN g < 50000 THEN '/bulk/big' ELSE '/bulk/t' || (g % 500) || '/x' END,
                   g,
                   jsonb_build_object('n', (g % 1000)::text, 'parity', CASE WHEN g % 2 = 0 THEN 'even' ELSE 'odd' END),
                   'upload', true, now() - g * interval '1 second', now() - g * interval '1 second'
            FROM generate_series(0, 99999) g;
            INSERT INTO asset_variants (id, asset_id, is_original, bucket, object_key, attributes, created_at)
            SELECT gen_random_uuid(), id, true, 'assets', id::text || '.jpg', '{}', created_at FROM assets WHERE entry_id % 5 = 0;
            ANALYZE assets;
            ANALYZE asset_variants;
            """);
        fill.CommandTimeout = 300;
        await fill.ExecuteNonQueryAsync();
    }

    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    private static AssetQuery Query(AssetOrder order = AssetOrder.New, int limit = 1, long? entry = null, Dictionary<string, string>? labels = null) =>
        new(entry, order, labels ?? [], limit);

    [Fact]
    public async Task The_newest_at_a_path_walks_the_path_and_entry_btree_backwards()
    {
        var plan = await ExplainAsync(PostgresAssetSql.Find(AssetPath.Parse("/bulk/big"), Query()));

        AssertFindUses(plan, "Index Scan Backward using assets_path_entry on assets");
    }

    [Fact]
    public async Task One_entry_is_found_through_the_path_and_entry_btree()
    {
        var plan = await ExplainAsync(PostgresAssetSql.Find(AssetPath.Parse("/bulk/big"), Query(entry: 123)));

        AssertFindUses(plan, "Index Scan using assets_path_entry on assets");
    }

    [Fact]
    public async Task Modified_order_uses_the_path_and_modified_btree()
    {
        var plan = await ExplainAsync(PostgresAssetSql.Find(AssetPath.Parse("/bulk/big"), Query(AssetOrder.Modified, limit: 10)));

        AssertFindUses(plan, "Index Scan using assets_path_modified on assets");
    }

    [Fact]
    public async Task A_label_filter_at_a_busy_path_uses_the_labels_gin_index()
    {
        var plan = await ExplainAsync(PostgresAssetSql.Find(AssetPath.Parse("/bulk/big"),
            Query(limit: AssetQuery.All, labels: new() { ["n"] = "7" })));

        AssertFindUses(plan, "Bitmap Index Scan on assets_labels_gin");
    }

    [Fact]
    public async Task A_recursive_delete_finds_the_subtree_through_the_ltree_gist_index()
    {
        var plan = await ExplainAsync(PostgresAssetSql.DeleteRecursive(AssetPath.Parse("/bulk/t7"), NoLabels));

        AssertUses(plan, "assets_path_gist");
    }

    [Fact]
    public async Task A_recursive_delete_with_a_rare_label_over_a_big_subtree_uses_the_labels_gin_index()
    {
        var plan = await ExplainAsync(PostgresAssetSql.DeleteRecursive(AssetPath.Parse("/bulk"), new Dictionary<string, string> { ["n"] = "7" }));

        AssertUses(plan, "Bitmap Index Scan on assets_labels_gin");
    }

    [Fact]
    public async Task A_delete_at_a_path_selects_through_the_path_and_entry_btree()
    {
        var plan = await ExplainAsync(PostgresAssetSql.Delete(AssetPath.Parse("/bulk/t9/x"), Query(limit: 2)));

        AssertUses(plan, "using assets_path_entry on assets");
    }

    [Fact]
    public async Task Variants_are_loaded_through_their_asset_index()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var plan = await ExplainAsync(new PostgresStatement(PostgresAssetSql.Variants,
            [new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid }]));

        AssertUses(plan, "asset_variants_asset");
        Assert.DoesNotContain("Seq Scan on asset_variants", plan);
    }

    /// <summary>A fetch finds its assets through <paramref name="expected"/> and joins their variants through their asset index.</summary>
    private static void AssertFindUses(string plan, string expected)
    {
        AssertUses(plan, expected);
        Assert.Contains("Index Scan using asset_variants_asset on asset_variants", plan);
        Assert.DoesNotContain("Seq Scan on asset_variants", plan);
    }

    private static void AssertUses(string plan, string expected)
    {
        Assert.Contains(expected, plan);
        Assert.DoesNotContain("Seq Scan on assets", plan);
    }

    private async Task<string> ExplainAsync(PostgresStatement statement)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = (statement with { Sql = "EXPLAIN " + statement.Sql }).CreateCommand(connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
