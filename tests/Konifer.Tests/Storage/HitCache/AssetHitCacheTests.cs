using Konifer.Configuration;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Storage.Metadata.HitCache;
using Microsoft.Extensions.Time.Testing;

namespace Konifer.Tests.Storage.HitCache;

public sealed class AssetHitCacheTests
{
    private static readonly HitCacheSettings Settings = new(true, 100, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static AssetPath Path(string value) => AssetPath.Parse(value);

    private static Asset AssetAt(string path, long entryId = 0)
    {
        var at = DateTimeOffset.UnixEpoch;
        var original = new Variant(Guid.NewGuid(), true, new ObjectLocation("b", $"{path}/{entryId}"), new ImageAttributes(1, 1, ImageFormat.Png, 1, null, "srgb"), Lqip.None, at);
        return new Asset(Guid.NewGuid(), Path(path), entryId, AssetInformation.Empty, AssetSource.Upload, null, at, at, [original]);
    }

    private AssetHitCache Serving(HitCacheSettings? settings = null)
    {
        var cache = new AssetHitCache(settings ?? Settings, _clock);
        cache.Resume();
        return cache;
    }

    private static void Fill(AssetHitCache cache, string path, AssetQuery query, params Asset[] assets) =>
        cache.TryStore(cache.BeginRead()!, Path(path), query, assets);

    [Fact]
    public void An_answer_is_served_for_the_same_path_and_query_only()
    {
        var cache = Serving();
        var asset = AssetAt("a/b");
        Fill(cache, "a/b", AssetQuery.Newest, asset);

        Assert.True(cache.TryGet(Path("a/b"), AssetQuery.Newest, out var hit));
        Assert.Same(asset, Assert.Single(hit));
        Assert.True(cache.TryGet(Path("a/b"), new AssetQuery(null, AssetOrder.New, new Dictionary<string, string>(), 1), out _)); // equal query
        Assert.False(cache.TryGet(Path("a/b"), AssetQuery.Entry(0), out _));
        Assert.False(cache.TryGet(Path("a/c"), AssetQuery.Newest, out _));
    }

    [Fact]
    public void Labels_in_another_order_are_the_same_query()
    {
        var cache = Serving();
        Fill(cache, "a", new AssetQuery(null, AssetOrder.New, new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" }, 1), AssetAt("a"));
        Assert.True(cache.TryGet(Path("a"), new AssetQuery(null, AssetOrder.New, new Dictionary<string, string> { ["y"] = "2", ["x"] = "1" }, 1), out _));
        Assert.False(cache.TryGet(Path("a"), new AssetQuery(null, AssetOrder.New, new Dictionary<string, string> { ["x"] = "2", ["y"] = "1" }, 1), out _));
    }

    [Fact]
    public void Invalidating_a_path_evicts_all_its_queries_and_no_other_path()
    {
        var cache = Serving();
        Fill(cache, "a", AssetQuery.Newest, AssetAt("a"));
        Fill(cache, "a", AssetQuery.Entry(0), AssetAt("a"));
        Fill(cache, "b", AssetQuery.Newest, AssetAt("b"));

        cache.Invalidate(Path("a").Value);

        Assert.False(cache.TryGet(Path("a"), AssetQuery.Newest, out _));
        Assert.False(cache.TryGet(Path("a"), AssetQuery.Entry(0), out _));
        Assert.True(cache.TryGet(Path("b"), AssetQuery.Newest, out _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void A_star_evicts_everything()
    {
        var cache = Serving();
        Fill(cache, "a", AssetQuery.Newest, AssetAt("a"));
        Fill(cache, "b/c", AssetQuery.Newest, AssetAt("b/c"));
        cache.Invalidate("*");
        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(Path("b/c"), AssetQuery.Newest, out _));
    }

    [Fact]
    public void Invalidating_an_asset_evicts_the_answers_of_its_path()
    {
        var cache = Serving();
        var asset = AssetAt("a");
        Fill(cache, "a", AssetQuery.Newest, asset);
        cache.InvalidateAsset(asset.Id);
        Assert.False(cache.TryGet(Path("a"), AssetQuery.Newest, out _));
    }

    [Fact]
    public void An_empty_answer_is_kept_too_so_a_miss_for_an_absent_path_costs_no_round_trip()
    {
        var cache = Serving();
        Fill(cache, "absent", AssetQuery.Newest);
        Assert.True(cache.TryGet(Path("absent"), AssetQuery.Newest, out var hit));
        Assert.Empty(hit);
    }

    [Fact]
    public void A_read_that_began_before_an_invalidation_does_not_fill_the_cache_with_its_older_answer()
    {
        var cache = Serving();
        var token = cache.BeginRead()!;   // the query starts…
        cache.Invalidate(Path("a").Value);            // …a write to the path commits and is announced…
        cache.TryStore(token, Path("a"), AssetQuery.Newest, [AssetAt("a")]); // …and the older answer arrives

        Assert.False(cache.TryGet(Path("a"), AssetQuery.Newest, out _));
        // The next read fills it.
        Fill(cache, "a", AssetQuery.Newest, AssetAt("a"));
        Assert.True(cache.TryGet(Path("a"), AssetQuery.Newest, out _));
    }

    [Fact]
    public void While_suspended_the_cache_is_bypassed_and_empty_and_resuming_starts_it_empty()
    {
        var cache = Serving();
        Fill(cache, "a", AssetQuery.Newest, AssetAt("a"));
        var beforeDrop = cache.BeginRead()!;

        cache.Suspend();
        Assert.False(cache.IsServing);
        Assert.Null(cache.BeginRead());
        Assert.False(cache.TryGet(Path("a"), AssetQuery.Newest, out _));
        cache.TryStore(beforeDrop, Path("a"), AssetQuery.Newest, [AssetAt("a")]);
        Assert.Equal(0, cache.Count);

        cache.Resume();
        Assert.False(cache.TryGet(Path("a"), AssetQuery.Newest, out _));
        cache.TryStore(beforeDrop, Path("a"), AssetQuery.Newest, [AssetAt("a")]); // a read from before the drop still is not kept
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_new_cache_serves_nothing_until_resumed()
    {
        var cache = new AssetHitCache(Settings, _clock);
        Assert.False(cache.IsServing);
        Assert.Null(cache.BeginRead());
    }

    [Fact]
    public void An_answer_older_than_the_time_to_live_is_not_served()
    {
        var cache = Serving();
        Fill(cache, "a", AssetQuery.Newest, AssetAt("a"));
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.True(cache.TryGet(Path("a"), AssetQuery.Newest, out _));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet(Path("a"), AssetQuery.Newest, out _));
    }

    [Fact]
    public void The_count_stays_bounded()
    {
        var cache = Serving(Settings with { MaxEntries = 50 });
        for (var i = 0; i < 1000; i++) Fill(cache, $"p/{i}", AssetQuery.Newest, AssetAt($"p/{i}"));
        Assert.InRange(cache.Count, 1, 50);
    }
}
