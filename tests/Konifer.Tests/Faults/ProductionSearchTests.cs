using System.Net;
using Konifer.Tests.Inference;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;
using static Konifer.Tests.TestSupport.SearchWalk;

namespace Konifer.Tests.Faults;

/// <summary>
/// Search on PostgreSQL and S3: two instances share one database (each ranks over its own index, kept in sync), and
/// entries stored while search was off become searchable after a restart with search on (the backfill).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ProductionSearchTests(PostgresServer postgres, S3Server s3, TinySiglip2 model) : IClassFixture<TinySiglip2>
{
    [Fact]
    public async Task An_entry_stored_on_one_instance_is_found_on_the_other_and_a_delete_on_one_disappears_from_the_other()
    {
        var config = ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint, Config(model.Directory));
        await using var one = await KoniferTestServer.StartAsync(config);
        await using var other = await KoniferTestServer.StartAsync(config);
        await one.Client.StoreAsync("/photos/dark", Black);
        Assert.Equal(["/photos/dark"], ResultPaths(await SearchAsync(other.Client, "/assets/photos/-/search?q=x"))); // loads the other's index

        await one.Client.StoreAsync("/photos/light", White);
        await other.Client.StoreAsync("/photos/mid", Grey);

        Assert.Equal(["/photos/light", "/photos/mid", "/photos/dark"], ResultPaths(await SearchAsync(other.Client, "/assets/photos/-/search?q=x")));
        Assert.Equal(["/photos/light", "/photos/mid", "/photos/dark"], ResultPaths(await SearchAsync(one.Client, "/assets/photos/-/search?q=x")));

        using var deleted = await one.Client.DeleteAsync("/assets/photos/light");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["/photos/mid"], ResultPaths(await SearchAsync(other.Client, "/assets/photos/-/search?q=x&limit=1")));
        Assert.Equal(["/photos/mid", "/photos/dark"], ResultPaths(await SearchAsync(other.Client, "/assets/photos/-/search?q=x")));
    }

    [Fact]
    public async Task Entries_stored_while_search_was_off_are_searchable_after_a_restart_with_search_on()
    {
        var database = await postgres.CreateDatabaseAsync(withLtree: true);
        await using (var before = await KoniferTestServer.StartAsync(ProductionStores.Config(database, s3.Endpoint)))
        {
            await before.Client.StoreAsync("/photos/dark", Black);
            await before.Client.StoreAsync("/photos/light", White);
            await before.Client.StoreAsync("/elsewhere/light", White);
            var message = await RefusedAsync(before.Client, "/assets/photos/-/search?q=x");
            Assert.Contains("search.enabled = true", message, StringComparison.Ordinal);
        }

        await using var after = await KoniferTestServer.StartAsync(ProductionStores.Config(database, s3.Endpoint, Config(model.Directory)));

        var results = await Eventually.UntilAsync(() => SearchAsync(after.Client, "/assets/photos/-/search?q=x"), r => r.Length == 2,
            TimeSpan.FromSeconds(30), "both entries embedded by the backfill");
        Assert.Equal(["/photos/light", "/photos/dark"], ResultPaths(results));
    }
}
