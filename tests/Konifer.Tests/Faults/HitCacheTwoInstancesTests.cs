using System.Diagnostics;
using System.Net;
using Konifer.Storage.Metadata.HitCache;
using Konifer.Storage.Metadata.Postgres;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Konifer.Tests.Faults;

/// <summary>
/// Two instances on one database, each with its hit cache: what one changes, the other answers within the bound
/// (a notification's delivery, far below the cache's time to live), also across a dropped listener.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class HitCacheTwoInstancesTests(PostgresServer postgres, S3Server s3)
{
    /// <summary>Far below the 30 s time to live: a change seen within it was announced, not timed out.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_new_entry_an_update_a_variant_and_a_delete_on_one_instance_are_answered_by_the_other_within_the_bound()
    {
        var (a, b, _) = await StartTwoAsync();
        await using var one = a;
        await using var other = b;

        // The other instance caches "nothing here" first, then must see the new entry.
        using (var absent = await other.Client.GetAsync("/assets/hc/photo/-/info")) Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        await one.Client.StoreAsync("/hc/photo", TestImages.Gradient(40, 30), new { alt = "one" });
        // Kept once read; a read that raced the store's own notification is evicted by it and read again.
        await EventuallyAsync(async () => await AltAsync(other) == "one" && Cache(other).Count > 0);

        using (var put = await one.Client.PutAsync("/assets/hc/photo/-/entry/0", AssetRequests.Json(new { alt = "two" })))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("two", await AltAsync(one)); // the writer's own cache was evicted at once
        await EventuallyAsync(async () => await AltAsync(other) == "two");

        // A variant made on one becomes a hit on the other, not a second generation.
        using (var made = await one.Client.GetAsync("/assets/hc/photo/-/content?w=10"))
            Assert.Equal("miss", made.Headers.GetValues("K-Cache-Status").Single());
        await EventuallyAsync(async () =>
        {
            using var served = await other.Client.GetAsync("/assets/hc/photo/-/content?w=10");
            return served.Headers.GetValues("K-Cache-Status").Single() == "hit";
        });

        using (var delete = await one.Client.DeleteAsync("/assets/hc/photo"))
            Assert.True(delete.IsSuccessStatusCode, $"{delete.StatusCode}");
        await EventuallyAsync(async () =>
        {
            using var gone = await other.Client.GetAsync("/assets/hc/photo/-/info");
            return gone.StatusCode == HttpStatusCode.NotFound;
        });
    }

    [Fact]
    public async Task When_the_listener_is_dropped_the_cache_is_bypassed_so_nothing_stale_is_served_and_it_comes_back()
    {
        var (a, b, database) = await StartTwoAsync();
        await using var one = a;
        await using var other = b;
        await one.Client.StoreAsync("/hc/drop", TestImages.Gradient(40, 30), new { alt = "before" });
        await EventuallyAsync(async () => await AltAsync(other, "drop") == "before" && Cache(other).Count > 0);

        // Both instances' listeners lose their connections (as in a failover or a network cut).
        Assert.Equal(2, await TerminateListenersAsync(database));
        using (var put = await one.Client.PutAsync("/assets/hc/drop/-/entry/0", AssetRequests.Json(new { alt = "during" })))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        // The notification of this change went nowhere; the other instance must not keep answering "before".
        await EventuallyAsync(async () => await AltAsync(other, "drop") == "during");

        // The listener comes back; the cache serves again and is kept true by notifications.
        await EventuallyAsync(() => Task.FromResult(Cache(other).IsServing), TimeSpan.FromSeconds(15));
        await EventuallyAsync(async () => await AltAsync(other, "drop") == "during" && Cache(other).Count > 0);
        using (var put = await one.Client.PutAsync("/assets/hc/drop/-/entry/0", AssetRequests.Json(new { alt = "after" })))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await EventuallyAsync(async () => await AltAsync(other, "drop") == "after");
    }

    private async Task<(KoniferTestServer One, KoniferTestServer Other, string Database)> StartTwoAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(withLtree: true);
        var config = ProductionStores.Config(connectionString, s3.Endpoint);
        var one = await KoniferTestServer.StartAsync(config);
        var other = await KoniferTestServer.StartAsync(config);
        await EventuallyAsync(() => Task.FromResult(Cache(one).IsServing && Cache(other).IsServing), TimeSpan.FromSeconds(15));
        return (one, other, new NpgsqlConnectionStringBuilder(connectionString).Database!);
    }

    private static AssetHitCache Cache(KoniferTestServer server) => server.Services.GetRequiredService<AssetHitCache>();

    private static async Task<string?> AltAsync(KoniferTestServer server, string name = "photo")
    {
        using var response = await server.Client.GetAsync($"/assets/hc/{name}/-/info");
        if (response.StatusCode != HttpStatusCode.OK) return null;
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("alt").GetString();
    }

    private async Task<int> TerminateListenersAsync(string database)
    {
        await using var command = postgres.DataSource.CreateCommand(
            "SELECT count(*)::int FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2) t");
        command.Parameters.AddWithValue(database);
        command.Parameters.AddWithValue(PostgresNotificationListener.ApplicationName);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var limit = within ?? Bound;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < limit, $"not within {limit}");
            await Task.Delay(20);
        }
    }
}
