using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;
using Konifer.Imaging;
using Konifer.Paths;
using Konifer.Storage.Metadata;
using Konifer.Storage.Objects;
using Konifer.Storage.Outbox;
using Konifer.Tests.Storage;
using Konifer.Tests.TestSupport;
using Konifer.Variants;
using Microsoft.Extensions.Time.Testing;

namespace Konifer.Tests.Variants;

/// <summary>
/// Generating a variant on the in-memory stores while the object store or the metadata store fails on demand: no
/// ready record without bytes, and no object that neither a record nor the deletion outbox leads to.
/// </summary>
public sealed class VariantGenerationTwoPhaseTests
{
    private static readonly AssetPath Path = AssetPath.Parse("/photos/two-phase");
    private static CancellationToken None => CancellationToken.None;

    private static readonly Transformation Thumb = new(12, 6, Fit.Fit, Gravity.Center, ImageFormat.Webp, Rotation.Zero, Flip.None, Filter.None,
        0, 80, Padding.None, MetadataStrip.None, ColorSpace.Origin);

    private readonly InMemoryAssetRepository _store = new();
    private readonly FlakyVariantRecords _records;
    private readonly InMemoryObjectStore _objects = new();
    private readonly FlakyObjectStore _objectStore;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly VariantGeneration _generation;

    public VariantGenerationTwoPhaseTests()
    {
        _records = new FlakyVariantRecords(_store);
        _objectStore = new FlakyObjectStore(_objects, failures: 0);
        var transformer = new VipsImageTransformer();
        _generation = new VariantGeneration(_records, _objectStore, transformer, new PlaceholderEncoder(transformer), _time,
            new CapturingLogger<VariantGeneration>());
    }

    private async Task<Asset> StoreOriginalAsync()
    {
        var png = TestImages.Gradient(40, 20);
        var location = ObjectLocation.NewFor("assets", ImageFormat.Png);
        using (var content = new MemoryStream(png)) await _objects.PutAsync(location, content, png.Length, "image/png", None);
        var pending = await _store.CreatePendingAsync(new PendingAsset(Path, AssetInformation.Empty, AssetSource.Upload, null, location,
            new ImageAttributes(40, 20, ImageFormat.Png, 1, null, "srgb"), Lqip.None, _time.GetUtcNow()), None);
        return (await _store.MarkReadyAsync(pending.Id, None))!;
    }

    private async Task<IReadOnlyList<ObjectLocation>> QueuedAsync() =>
        (await _store.ClaimDueAsync(1_000, _time.GetUtcNow().AddDays(1), TimeSpan.FromMinutes(1), None)).Select(d => d.Location).ToArray();

    private async Task<IReadOnlyList<Variant>> GeneratedVariantsAsync() =>
        (await _store.FindAsync(Path, AssetQuery.Newest, None)).Single().Variants.Where(v => !v.IsOriginal).ToArray();

    private async Task<bool> ExistsAsync(ObjectLocation location) => await _objects.ExistsAsync(location, None);

    private Task<int> SweepLaterAsync()
    {
        _time.Advance(TimeSpan.FromHours(2));
        return new PendingUploadSweeper(_store, _store, new ObjectDeletionSignal(), new PendingUploadSweeperSettings(), _time,
            new CapturingLogger<PendingUploadSweeper>()).SweepOnceAsync(None);
    }

    [Fact]
    public async Task A_generated_variant_is_ready_with_its_object_and_nothing_is_queued()
    {
        var asset = await StoreOriginalAsync();

        var variant = await _generation.GenerateAsync(asset, PathConfiguration.Default, Thumb, None);

        Assert.Equal(variant, Assert.Single(await GeneratedVariantsAsync()));
        Assert.True(await ExistsAsync(variant.Location));
        Assert.Empty(await QueuedAsync());
        Assert.Equal(0, await SweepLaterAsync());
    }

    [Fact]
    public async Task When_the_upload_fails_there_is_no_record_and_the_object_is_queued()
    {
        var asset = await StoreOriginalAsync();
        _objectStore.PutFailure = new ObjectStoreUnavailableException("down");

        await Assert.ThrowsAsync<ObjectStoreUnavailableException>(() => _generation.GenerateAsync(asset, PathConfiguration.Default, Thumb, None));

        Assert.Empty(await GeneratedVariantsAsync());
        var queued = Assert.Single(await QueuedAsync());
        Assert.EndsWith(".webp", queued.Key);
        Assert.Equal(0, await SweepLaterAsync()); // abandoned at once, nothing left to sweep
    }

    [Fact]
    public async Task When_the_record_cannot_be_completed_after_the_upload_the_sweeper_removes_it_and_queues_the_object()
    {
        var asset = await StoreOriginalAsync();
        _objectStore.PutGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var generating = _generation.GenerateAsync(asset, PathConfiguration.Default, Thumb, None);
        await Eventually.UntilAsync(() => Task.FromResult(_objectStore.PutAttempts), n => n == 1, TimeSpan.FromSeconds(10), "Reaching the upload");
        // The database goes away while the bytes are being uploaded: neither marking ready nor abandoning works.
        _records.CutOff = true;
        _objectStore.PutGate.SetResult();
        await Assert.ThrowsAsync<IOException>(() => generating);
        _records.CutOff = false;

        Assert.Empty(await GeneratedVariantsAsync());
        Assert.Empty(await QueuedAsync());

        Assert.Equal(1, await SweepLaterAsync());

        var queued = Assert.Single(await QueuedAsync());
        Assert.True(await ExistsAsync(queued), "the uploaded object is the one queued");
        Assert.Empty(await GeneratedVariantsAsync());
        // Regenerating works and is not blocked by what was swept.
        var regenerated = await _generation.GenerateAsync(asset, PathConfiguration.Default, Thumb, None);
        Assert.Equal(regenerated, Assert.Single(await GeneratedVariantsAsync()));
    }

    [Fact]
    public async Task A_generation_cancelled_mid_upload_is_abandoned()
    {
        var asset = await StoreOriginalAsync();
        _objectStore.PutGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();

        var generating = _generation.GenerateAsync(asset, PathConfiguration.Default, Thumb, cancellation.Token);
        await Eventually.UntilAsync(() => Task.FromResult(_objectStore.PutAttempts), n => n == 1, TimeSpan.FromSeconds(10), "Reaching the upload");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generating);
        Assert.Empty(await GeneratedVariantsAsync());
        Assert.Single(await QueuedAsync());
        Assert.Equal(0, await SweepLaterAsync());
    }
}
