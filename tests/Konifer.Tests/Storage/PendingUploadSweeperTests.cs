using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;
using Konifer.Storage.Metadata;
using Konifer.Storage.Outbox;
using Microsoft.Extensions.Time.Testing;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage;

/// <summary>The sweeper of unfinished uploads on the in-memory store, with a fake clock (no waiting for real hours).</summary>
public sealed class PendingUploadSweeperTests : IAsyncDisposable
{
    private static readonly AssetPath Path = AssetPath.Parse("/users/1/avatar");
    private static CancellationToken None => CancellationToken.None;

    private readonly InMemoryAssetRepository _repository = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ObjectDeletionSignal _signal = new();
    private readonly CapturingLogger<PendingUploadSweeper> _logger = new();
    private PendingUploadSweeper? _started;

    private PendingUploadSweeper Sweeper(TimeSpan? gracePeriod = null, int batchSize = 100) =>
        new(_repository, _repository, _signal, new PendingUploadSweeperSettings
        {
            GracePeriod = gracePeriod ?? TimeSpan.FromHours(1),
            BatchSize = batchSize,
        }, _time, _logger);

    private Task<Asset> BeginUploadAsync(TimeSpan age) =>
        _repository.CreatePendingAsync(new PendingAsset(Path, AssetInformation.Empty, AssetSource.Upload, null,
            ObjectLocation.NewFor("assets", ImageFormat.Png), new ImageAttributes(1, 1, ImageFormat.Png, 1, null, "srgb"), Lqip.None,
            _time.GetUtcNow() - age), None);

    private async Task<IReadOnlyList<ObjectLocation>> QueuedObjectsAsync() =>
        (await _repository.ClaimDueAsync(10_000, _time.GetUtcNow(), TimeSpan.FromMinutes(1), None)).Select(d => d.Location).ToArray();

    [Fact]
    public async Task Uploads_pending_longer_than_the_grace_period_are_abandoned_and_their_objects_queued()
    {
        var dead = await BeginUploadAsync(TimeSpan.FromHours(2));
        var running = await BeginUploadAsync(TimeSpan.FromMinutes(30));

        var swept = await Sweeper().SweepOnceAsync(None);

        Assert.Equal(1, swept);
        Assert.Equal([dead.Original.Location], await QueuedObjectsAsync());
        Assert.Null(await _repository.MarkReadyAsync(dead.Id, None));
        // The upload still within its grace period finishes normally.
        Assert.NotNull(await _repository.MarkReadyAsync(running.Id, None));
        Assert.Equal(running.Id, Assert.Single(await _repository.FindAsync(Path, AssetQuery.Newest, None)).Id);
    }

    [Fact]
    public async Task Ready_assets_are_never_swept_however_old()
    {
        var old = await BeginUploadAsync(TimeSpan.FromDays(30));
        await _repository.MarkReadyAsync(old.Id, None);

        Assert.Equal(0, await Sweeper().SweepOnceAsync(None));
        Assert.Empty(await QueuedObjectsAsync());
        Assert.Single(await _repository.FindAsync(Path, AssetQuery.Newest, None));
    }

    [Fact]
    public async Task A_sweep_works_through_more_stale_uploads_than_one_batch()
    {
        var dead = new List<Asset>();
        for (var i = 0; i < 25; i++) dead.Add(await BeginUploadAsync(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(i)));

        Assert.Equal(25, await Sweeper(batchSize: 10).SweepOnceAsync(None));
        Assert.Equal(dead.Select(a => a.Original.Location.Key).Order(), (await QueuedObjectsAsync()).Select(l => l.Key).Order());
    }

    [Fact]
    public async Task Two_sweepers_at_once_abandon_each_upload_once()
    {
        for (var i = 0; i < 50; i++) await BeginUploadAsync(TimeSpan.FromHours(2));

        await Task.WhenAll(Task.Run(() => Sweeper().SweepOnceAsync(None)), Task.Run(() => Sweeper().SweepOnceAsync(None)));

        Assert.Equal(50, await _repository.CountAsync(None));
        Assert.Equal(50, (await QueuedObjectsAsync()).Distinct().Count());
    }

    /// <summary>A ready asset with a variant reserved <paramref name="age"/> ago whose upload never finished.</summary>
    private async Task<PendingVariant> BeginVariantAsync(TimeSpan age, int width = 8)
    {
        var asset = await BeginUploadAsync(age + TimeSpan.FromSeconds(1));
        await _repository.MarkReadyAsync(asset.Id, None);
        var transformation = new Transformation(width, width, Fit.Fit, Gravity.Center, ImageFormat.Webp, Rotation.Zero, Flip.None, Filter.None, 0,
            80, Padding.None, MetadataStrip.None, ColorSpace.Origin);
        return (await _repository.ReserveVariantAsync(asset.Id, new NewVariant(transformation, ObjectLocation.NewFor("assets", ImageFormat.Webp),
            new ImageAttributes(width, width, ImageFormat.Webp, 1, null, "srgb"), Lqip.None, _time.GetUtcNow() - age, null), None))!;
    }

    [Fact]
    public async Task Variants_pending_longer_than_the_grace_period_are_swept_and_their_objects_queued()
    {
        var dead = await BeginVariantAsync(TimeSpan.FromHours(2));
        var running = await BeginVariantAsync(TimeSpan.FromMinutes(30));

        var swept = await Sweeper().SweepOnceAsync(None);

        Assert.Equal(1, swept);
        Assert.Equal([dead.Variant.Location], await QueuedObjectsAsync());
        Assert.Contains(_logger.Entries, e => e.Message.Contains("unfinished variant", StringComparison.Ordinal));
        Assert.Null(await _repository.MarkVariantReadyAsync(dead, VariantCaps.KeepAll, None));
        Assert.Equal(running.Variant, await _repository.MarkVariantReadyAsync(running, VariantCaps.KeepAll, None));
        Assert.Equal(0, await Sweeper().SweepOnceAsync(None)); // ready: never swept
    }

    [Fact]
    public async Task Two_sweepers_at_once_sweep_each_pending_variant_once()
    {
        for (var i = 0; i < 30; i++) await BeginVariantAsync(TimeSpan.FromHours(2), width: 10 + i);

        var swept = await Task.WhenAll(Task.Run(() => Sweeper(batchSize: 7).SweepOnceAsync(None)), Task.Run(() => Sweeper(batchSize: 7).SweepOnceAsync(None)));

        Assert.Equal(30, swept.Sum());
        Assert.Equal(30, await _repository.CountAsync(None));
        Assert.Equal(30, (await QueuedObjectsAsync()).Distinct().Count());
    }

    [Fact]
    public async Task The_running_service_sweeps_every_interval()
    {
        var sweeper = Sweeper();
        _started = sweeper;
        await sweeper.StartAsync(None);
        var upload = await BeginUploadAsync(TimeSpan.Zero);

        // Minute by minute: the ticks within the grace period leave it alone, a tick after it sweeps it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await _repository.FindPendingOlderThanAsync(DateTimeOffset.MaxValue, 10, None)).Count > 0)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The upload was not swept within 10 s of real time.");
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }
        Assert.True(_time.GetUtcNow() - upload.CreatedAt > TimeSpan.FromHours(1), "swept before its grace period ran out");
        Assert.Equal([upload.Original.Location], await QueuedObjectsAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_started is not null)
        {
            await _started.StopAsync(None);
            _started.Dispose();
        }
    }
}
