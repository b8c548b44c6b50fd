using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Storage.Metadata.Postgres;
using Npgsql;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>
/// Several service instances on one database, each with its own data source (pool) and repository: entry ids stay
/// unique, outbox entries are claimed by one instance at a time. Also the lookup of stale pending uploads.
/// Each test has its own database so that it sees only its own rows.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMultiInstanceTests(PostgresServer server)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static PendingAsset Pending(AssetPath path, DateTimeOffset createdAt) =>
        new(path, AssetInformation.Empty, AssetSource.Upload, null,
            ObjectLocation.NewFor("assets", ImageFormat.Png),
            new ImageAttributes(10, 20, ImageFormat.Png, 1, null, "srgb"), Lqip.None, createdAt);

    private async Task<(NpgsqlDataSource One, NpgsqlDataSource Other)> TwoInstancesAsync()
    {
        // Ten connections per instance: plenty of concurrency without starting hundreds of server processes.
        var connectionString = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync(withLtree: true)) { MaxPoolSize = 10 }.ConnectionString;
        var one = NpgsqlDataSource.Create(connectionString);
        var other = NpgsqlDataSource.Create(connectionString);
        await new PostgresMigrator(one).MigrateAsync(None);
        return (one, other);
    }

    [Fact]
    public async Task Two_instances_creating_200_assets_at_one_path_get_200_distinct_entry_ids()
    {
        var (one, other) = await TwoInstancesAsync();
        await using var _ = one;
        await using var __ = other;
        var repositories = new[] { new PostgresAssetRepository(one), new PostgresAssetRepository(other) };
        var path = AssetPath.Parse("/shared/avatar");

        var created = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => Task.Run(() => repositories[i % 2].CreatePendingAsync(Pending(path, T0), None))));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), created.Select(a => a.EntryId).Order());
        foreach (var asset in created) await repositories[0].MarkReadyAsync(asset.Id, None);
        var stored = await repositories[1].FindAsync(path, new AssetQuery(null, AssetOrder.New, new Dictionary<string, string>(), AssetQuery.All), None);
        Assert.Equal(created.Select(a => a.Id).Order(), stored.Select(a => a.Id).Order());
    }

    [Fact]
    public async Task Two_instances_draining_the_outbox_never_claim_the_same_entry()
    {
        var (one, other) = await TwoInstancesAsync();
        await using var _ = one;
        await using var __ = other;
        var first = new PostgresAssetRepository(one);
        var second = new PostgresAssetRepository(other);
        var path = AssetPath.Parse("/doomed");
        var assets = new List<Asset>();
        for (var i = 0; i < 150; i++)
        {
            var created = await first.CreatePendingAsync(Pending(path, T0), None);
            assets.Add((await first.MarkReadyAsync(created.Id, None))!);
        }
        await first.DeleteAsync(path, new AssetQuery(null, AssetOrder.New, new Dictionary<string, string>(), AssetQuery.All), None);
        var now = DateTimeOffset.UtcNow;

        async Task<List<PendingDeletion>> DrainAsync(IObjectDeletionOutbox outbox)
        {
            var claimed = new List<PendingDeletion>();
            while (true)
            {
                var batch = await outbox.ClaimDueAsync(7, now, TimeSpan.FromMinutes(5), None);
                if (batch.Count == 0) return claimed;
                claimed.AddRange(batch);
            }
        }

        var drained = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        var all = drained.SelectMany(d => d).ToList();
        Assert.Equal(all.Count, all.Select(d => d.Id).Distinct().Count());
        Assert.Equal(assets.Select(a => a.Original.Location.Key).Order(), all.Select(d => d.Location.Key).Order());
        Assert.All(all, d => Assert.Equal(1, d.Attempts));
    }

    [Fact]
    public async Task Concurrent_deletes_of_the_same_assets_queue_each_object_once()
    {
        var (one, other) = await TwoInstancesAsync();
        await using var _ = one;
        await using var __ = other;
        var first = new PostgresAssetRepository(one);
        var second = new PostgresAssetRepository(other);
        for (var i = 0; i < 50; i++)
        {
            var created = await first.CreatePendingAsync(Pending(AssetPath.Parse($"/tree/n{i % 5}"), T0), None);
            await first.MarkReadyAsync(created.Id, None);
        }

        var deleted = await Task.WhenAll(
            Task.Run(() => first.DeleteRecursiveAsync(AssetPath.Parse("/tree"), new Dictionary<string, string>(), None)),
            Task.Run(() => second.DeleteRecursiveAsync(AssetPath.Parse("/tree"), new Dictionary<string, string>(), None)));

        Assert.Equal(50, deleted.Sum());
        Assert.Equal(50, await first.CountAsync(None));
    }

    [Fact]
    public async Task Stale_pending_uploads_are_found_oldest_first_and_ready_or_fresh_ones_are_not()
    {
        var (one, other) = await TwoInstancesAsync();
        await using var _ = one;
        await using var __ = other;
        var repository = new PostgresAssetRepository(one);
        var path = AssetPath.Parse("/uploads");
        var newer = await repository.CreatePendingAsync(Pending(path, T0.AddMinutes(-30)), None);
        var older = await repository.CreatePendingAsync(Pending(path, T0.AddHours(-2)), None);
        var ready = await repository.CreatePendingAsync(Pending(path, T0.AddHours(-3)), None);
        await repository.MarkReadyAsync(ready.Id, None);
        await repository.CreatePendingAsync(Pending(path, T0.AddMinutes(-5)), None); // fresh: still uploading

        var stale = await repository.FindPendingOlderThanAsync(T0.AddMinutes(-10), 100, None);

        Assert.Equal([older.Id, newer.Id], stale.Select(a => a.Id));
        Assert.Equal(older.Original.Location, stale[0].Original.Location);
        Assert.Equal([older.Id], (await repository.FindPendingOlderThanAsync(T0.AddMinutes(-10), 1, None)).Select(a => a.Id));
        await repository.AbandonPendingAsync(older.Id, None);
        Assert.Equal([newer.Id], (await repository.FindPendingOlderThanAsync(T0.AddMinutes(-10), 100, None)).Select(a => a.Id));
    }

    [Fact]
    public async Task The_longest_possible_path_of_escaped_characters_is_stored_found_and_deleted_recursively()
    {
        var (one, other) = await TwoInstancesAsync();
        await using var _ = one;
        await using var __ = other;
        var repository = new PostgresAssetRepository(one);
        var random = new Random(7);
        const string specials = "~!$'()*+=@-_";
        string Segment(int length) => new(Enumerable.Range(0, length).Select(_ => specials[random.Next(specials.Length)]).ToArray());
        // 1024 characters in all, every one escaped to three: the largest ltree a path can make.
        var path = AssetPath.FromSegments([Segment(255), Segment(255), Segment(255), Segment(255)]);
        Assert.Equal(AssetPath.MaxLength, path.Value.Length);

        var created = await repository.CreatePendingAsync(Pending(path, T0), None);
        await repository.MarkReadyAsync(created.Id, None);

        Assert.Equal(created.Id, Assert.Single(await repository.FindAsync(path, AssetQuery.Newest, None)).Id);
        Assert.Equal(path, Assert.Single(await repository.FindAsync(path, AssetQuery.Newest, None)).Path);
        Assert.Equal(1, await repository.DeleteRecursiveAsync(AssetPath.FromSegments(path.Segments.Take(2)), new Dictionary<string, string>(), None));
    }
}
