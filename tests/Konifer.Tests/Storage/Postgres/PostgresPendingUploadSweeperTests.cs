using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;
using Konifer.Storage.Metadata;
using Konifer.Storage.Metadata.Postgres;
using Konifer.Storage.Outbox;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>Sweepers of two instances on one database, racing each other and uploads that finish late.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPendingUploadSweeperTests(PostgresServer server)
{
    private static CancellationToken None => CancellationToken.None;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private PendingUploadSweeper Sweeper(PostgresAssetRepository repository) =>
        new(repository, repository, new ObjectDeletionSignal(), new PendingUploadSweeperSettings { BatchSize = 7 }, _time,
            new CapturingLogger<PendingUploadSweeper>());

    /// <summary>Two instances' repositories, each with its own pool, on one freshly migrated database.</summary>
    private async Task<TwoInstances> TwoInstancesAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync(withLtree: true)) { MaxPoolSize = 10 }.ConnectionString;
        var instances = new TwoInstances(NpgsqlDataSource.Create(connectionString), NpgsqlDataSource.Create(connectionString));
        await new PostgresMigrator(instances.One).MigrateAsync(None);
        return instances;
    }

    private sealed record TwoInstances(NpgsqlDataSource One, NpgsqlDataSource Other) : IAsyncDisposable
    {
        public PostgresAssetRepository First { get; } = new(One);
        public PostgresAssetRepository Second { get; } = new(Other);

        public async ValueTask DisposeAsync()
        {
            await One.DisposeAsync();
            await Other.DisposeAsync();
        }
    }

    private PendingAsset Upload(TimeSpan age) =>
        new(AssetPath.Parse("/uploads/photo"), AssetInformation.Empty, AssetSource.Upload, null,
            ObjectLocation.NewFor("assets", ImageFormat.Png), new ImageAttributes(1, 1, ImageFormat.Png, 1, null, "srgb"), Lqip.None,
            _time.GetUtcNow() - age);

    [Fact]
    public async Task Two_instances_sweeping_at_once_queue_each_dead_upload_once_and_spare_the_rest()
    {
        await using var instances = await TwoInstancesAsync();
        var (first, second) = (instances.First, instances.Second);
        var dead = new List<Asset>();
        for (var i = 0; i < 40; i++) dead.Add(await first.CreatePendingAsync(Upload(TimeSpan.FromHours(2)), None));
        var running = await first.CreatePendingAsync(Upload(TimeSpan.FromMinutes(10)), None);
        var late = await first.CreatePendingAsync(Upload(TimeSpan.FromHours(3)), None);
        await first.MarkReadyAsync(late.Id, None); // finished just before the sweep

        var swept = await Task.WhenAll(Task.Run(() => Sweeper(first).SweepOnceAsync(None)), Task.Run(() => Sweeper(second).SweepOnceAsync(None)));

        Assert.InRange(swept.Sum(), 40, 80); // both may see a row; only one removes it
        Assert.Equal(40, await first.CountAsync(None));
        var queued = await first.ClaimDueAsync(1_000, DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromMinutes(1), None);
        Assert.Equal(dead.Select(a => a.Original.Location.Key).Order(), queued.Select(d => d.Location.Key).Order());
        var left = await second.FindPendingOlderThanAsync(_time.GetUtcNow().AddDays(1), 100, None);
        Assert.Equal([running.Id], left.Select(a => a.Id));
        Assert.Equal(late.Id, Assert.Single(await second.FindAsync(AssetPath.Parse("/uploads/photo"), AssetQuery.Newest, None)).Id);
    }

    [Fact]
    public async Task Two_instances_sweeping_pending_variants_queue_each_once_and_spare_fresh_and_ready_ones()
    {
        await using var instances = await TwoInstancesAsync();
        var (first, second) = (instances.First, instances.Second);
        var asset = await first.CreatePendingAsync(Upload(TimeSpan.FromDays(1)), None);
        await first.MarkReadyAsync(asset.Id, None);
        var dead = new List<PendingVariant>();
        for (var i = 0; i < 40; i++) dead.Add((await first.ReserveVariantAsync(asset.Id, Variant(10 + i, TimeSpan.FromHours(2)), None))!);
        var running = (await first.ReserveVariantAsync(asset.Id, Variant(1, TimeSpan.FromMinutes(10)), None))!;
        var late = (await first.ReserveVariantAsync(asset.Id, Variant(2, TimeSpan.FromHours(3)), None))!;
        await first.MarkVariantReadyAsync(late, VariantCaps.KeepAll, None); // finished just before the sweep

        var swept = await Task.WhenAll(Task.Run(() => Sweeper(first).SweepOnceAsync(None)), Task.Run(() => Sweeper(second).SweepOnceAsync(None)));

        Assert.Equal(40, swept.Sum()); // each row is removed by exactly one of them (SKIP LOCKED)
        var queued = await first.ClaimDueAsync(1_000, DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromMinutes(1), None);
        Assert.Equal(dead.Select(p => p.Variant.Location.Key).Order(), queued.Select(d => d.Location.Key).Order());
        Assert.Equal(running.Variant, await second.MarkVariantReadyAsync(running, VariantCaps.KeepAll, None));
        var variants = Assert.Single(await second.FindAsync(AssetPath.Parse("/uploads/photo"), AssetQuery.Newest, None)).Variants;
        Assert.Equal([asset.Original.Id, late.Variant.Id, running.Variant.Id], variants.Select(v => v.Id)); // original, then by creation
    }

    private NewVariant Variant(int width, TimeSpan age) =>
        new(new Transformation(width, width, Fit.Fit, Gravity.Center, ImageFormat.Webp, Rotation.Zero, Flip.None, Filter.None, 0, 80, Padding.None,
                MetadataStrip.None, ColorSpace.Origin),
            ObjectLocation.NewFor("assets", ImageFormat.Webp), new ImageAttributes(width, width, ImageFormat.Webp, 1, null, "srgb"), Lqip.None,
            _time.GetUtcNow() - age, null);
}
