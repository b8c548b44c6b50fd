using Konifer.Core.Assets;
using Konifer.Search;
using Konifer.Storage.Metadata.Postgres;
using Konifer.Tests.Storage.Contracts;
using Npgsql;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>
/// The entry-embedding contract against a real PostgreSQL (table of migration 0007), and what only several instances
/// show: each instance ranks over its own in-process index, kept in sync from the table.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEntryEmbeddingsTests(PostgresServer server) : EntryEmbeddingsContract
{
    protected override MetadataStoreRoles CreateStore() => MetadataStoreRoles.Of(new PostgresAssetRepository(server.DataSource));

    private PostgresAssetRepository OtherInstance() => new(server.DataSource);

    [Fact]
    public async Task An_entry_embedded_on_one_instance_is_found_by_a_search_on_another_that_had_already_loaded_its_index()
    {
        var other = OtherInstance();
        var first = await EmbeddedAsync(P("a"), Angle(30));
        Assert.Equal([first.Id], (await other.RankAsync(new SimilarityQuery(Model, P("a"), Angle(0), 10), None)).Select(r => r.Asset.Id));

        var second = await EmbeddedAsync(P("a/b"), Angle(0));

        var ranked = await other.RankAsync(new SimilarityQuery(Model, P("a"), Angle(0), 10), None);
        Assert.Equal([second.Id, first.Id], ranked.Select(r => r.Asset.Id));
    }

    [Fact]
    public async Task An_entry_deleted_on_one_instance_disappears_from_the_searches_of_another()
    {
        var other = OtherInstance();
        var doomed = await EmbeddedAsync(P("a"), Angle(0));
        var kept = await EmbeddedAsync(P("a"), Angle(50));
        Assert.Equal(2, (await other.RankAsync(new SimilarityQuery(Model, P("a"), Angle(0), 10), None)).Count);

        await Entries.DeleteAsync(P("a"), AssetQuery.Entry(doomed.EntryId), None);

        var ranked = await other.RankAsync(new SimilarityQuery(Model, P("a"), Angle(0), 1), None);
        Assert.Equal([kept.Id], ranked.Select(r => r.Asset.Id));
    }

    [Fact]
    public async Task A_row_committed_after_a_later_one_was_already_synced_is_not_missed()
    {
        var other = OtherInstance();
        var early = await StoreAsync(P("a"));
        var late = await EmbeddedAsync(P("a"), Angle(40));
        await using var connection = await server.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // The transaction takes its id now, before the other instance syncs, and commits after it did.
        await using (var insert = new NpgsqlCommand("INSERT INTO entry_embedding (asset_id, model, embedding) VALUES ($1, $2, $3)", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = early.Id });
            insert.Parameters.Add(new NpgsqlParameter { Value = Model });
            insert.Parameters.Add(new NpgsqlParameter { Value = Angle(0) });
            await insert.ExecuteNonQueryAsync();
        }
        var third = await EmbeddedAsync(P("a"), Angle(60)); // committed after the open transaction's id was taken
        Assert.Equal([late.Id, third.Id], (await other.RankAsync(new SimilarityQuery(Model, P("a"), Angle(0), 10), None)).Select(r => r.Asset.Id));

        await transaction.CommitAsync();

        var ranked = await other.RankAsync(new SimilarityQuery(Model, P("a"), Angle(0), 10), None);
        Assert.Equal([early.Id, late.Id, third.Id], ranked.Select(r => r.Asset.Id));
    }

    [Fact]
    public async Task The_backfill_lock_is_held_by_one_instance_at_a_time()
    {
        await using var database = NpgsqlDataSource.Create(await server.CreateDatabaseAsync(withLtree: true));
        var one = new PostgresBackfillLock(database);
        var other = new PostgresBackfillLock(database);

        await using (var held = await one.TryAcquireAsync(None))
        {
            Assert.NotNull(held);
            Assert.Null(await other.TryAcquireAsync(None));
        }

        await using var later = await other.TryAcquireAsync(None);
        Assert.NotNull(later);
    }

    [Fact]
    public async Task Embedding_rows_go_with_their_entry()
    {
        var asset = await EmbeddedAsync(P("a"), Angle(0));

        await Entries.DeleteRecursiveAsync(P("a"), new Dictionary<string, string>(), None);

        await using var command = server.DataSource.CreateCommand("SELECT count(*) FROM entry_embedding WHERE asset_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = asset.Id });
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }
}
