using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Problems;
using Konifer.Core.Storage;
using Konifer.Rules;
using Konifer.Search;
using Konifer.Storage.Metadata;
using Konifer.Storage.Objects;
using Konifer.Tests.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Konifer.Tests.Search;

/// <summary>The backfill: which entries it embeds, that it yields to a busy inference pool, and that it runs once across instances.</summary>
public sealed class SearchBackfillTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly InMemoryAssetRepository store = new();
    private readonly InMemoryObjectStore objects = new();
    private readonly ScriptedEmbedder embedder = new();

    private static readonly Konifer.Paths.PathConfigurationResolver SearchPaths = HoconConfiguration.Read(HoconConfiguration.InMemoryStores + """
        paths { "/photos/**" { search.enabled = true }, "/photos/private/**" { search.enabled = false } }
        """).Paths;

    private SearchBackfill Backfill(IBackfillLock? backfillLock = null) =>
        new(store, new EntryEmbedding(store, embedder, objects, NullLogger<EntryEmbedding>.Instance), SearchPaths,
            backfillLock ?? new ProcessBackfillLock(), new SearchBackfillSettings(TimeSpan.FromMinutes(10), 2, TimeSpan.FromMilliseconds(10)),
            TimeProvider.System, NullLogger<SearchBackfill>.Instance);

    private async Task<Asset> StoredAsync(string path)
    {
        var location = ObjectLocation.NewFor("assets", ImageFormat.Png);
        await objects.PutAsync(location, new MemoryStream([1, 2, 3]), 3, "image/png", None);
        var pending = await store.CreatePendingAsync(new PendingAsset(AssetPath.Parse(path), AssetInformation.Empty, AssetSource.Upload, null, location,
            new ImageAttributes(1, 1, ImageFormat.Png, 1, null, "srgb"), Lqip.None, DateTimeOffset.UtcNow), None);
        return (await store.MarkReadyAsync(pending.Id, None))!;
    }

    private Task<float[]?> EmbeddingOf(Asset asset) => ((IEntryEmbeddings)store).FindAsync(asset.Id, embedder.Model, None);

    [Fact]
    public async Task It_embeds_the_entries_of_search_enabled_paths_that_have_none_and_then_has_nothing_left()
    {
        var photos = new List<Asset>();
        for (var i = 0; i < 5; i++) photos.Add(await StoredAsync($"/photos/{i}")); // more than one page of 2
        var hidden = await StoredAsync("/photos/private/1");
        var other = await StoredAsync("/other");
        var done = await StoredAsync("/photos/done");
        await ((IEntryEmbeddings)store).SaveAsync(done.Id, embedder.Model, [0f, 1f], None);

        Assert.Equal(5, await Backfill().BackfillOnceAsync(None));

        foreach (var photo in photos) Assert.Equal(new[] { 1f, 0f }, await EmbeddingOf(photo));
        Assert.Equal(new[] { 0f, 1f }, await EmbeddingOf(done));
        Assert.Null(await EmbeddingOf(hidden));
        Assert.Null(await EmbeddingOf(other));
        Assert.Equal(0, await Backfill().BackfillOnceAsync(None));
        Assert.Equal(5, embedder.Calls);
    }

    [Fact]
    public async Task A_busy_inference_pool_makes_it_wait_and_try_the_same_entry_again()
    {
        var photo = await StoredAsync("/photos/1");
        embedder.BusyTimes = 2;

        Assert.Equal(1, await Backfill().BackfillOnceAsync(None));

        Assert.Equal(3, embedder.Calls);
        Assert.NotNull(await EmbeddingOf(photo));
    }

    [Fact]
    public async Task An_entry_that_fails_is_skipped_until_the_next_round()
    {
        var broken = await StoredAsync("/photos/1");
        var fine = await StoredAsync("/photos/2");
        embedder.FailingFiles = 1;

        Assert.Equal(1, await Backfill().BackfillOnceAsync(None));
        Assert.Equal(1, await Backfill().BackfillOnceAsync(None));

        Assert.NotNull(await EmbeddingOf(broken));
        Assert.NotNull(await EmbeddingOf(fine));
    }

    [Fact]
    public async Task Without_the_lock_another_instance_runs_it_and_this_one_does_nothing()
    {
        var photo = await StoredAsync("/photos/1");

        Assert.Equal(0, await Backfill(new TakenLock()).BackfillOnceAsync(None));

        Assert.Equal(0, embedder.Calls);
        Assert.Null(await EmbeddingOf(photo));
    }

    private sealed class ScriptedEmbedder : IImageEmbedder
    {
        public int BusyTimes { get; set; }

        public int FailingFiles { get; set; }

        public int Calls { get; private set; }

        public string Model => "TEST_SIGLIP2";

        public Task<float[]> EmbedImageAsync(string imageFile, CancellationToken cancellationToken)
        {
            Calls++;
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(imageFile)); // the original, read back from the object store
            if (BusyTimes > 0)
            {
                BusyTimes--;
                return Task.FromException<float[]>(new Busy());
            }
            if (FailingFiles > 0)
            {
                FailingFiles--;
                return Task.FromException<float[]>(new InvalidOperationException("undecodable"));
            }
            return Task.FromResult(new[] { 1f, 0f });
        }
    }

    private sealed class Busy() : UnavailableException("busy", TimeSpan.Zero);

    private sealed class TakenLock : IBackfillLock
    {
        public Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(null);
    }
}
