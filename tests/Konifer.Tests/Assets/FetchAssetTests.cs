using System.Text.Json.Nodes;
using Konifer.Assets;
using Konifer.Configuration.Reading;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Imaging;
using Konifer.Paths;
using Konifer.Storage.Metadata;
using Konifer.Storage.Objects;
using Konifer.Tests.Storage;
using Konifer.Tests.TestSupport;
using Konifer.Transformations;
using Konifer.Variants;
using Konifer.Variants.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Konifer.Tests.Assets;

/// <summary>
/// The fetch use case on the in-memory stores: each kind of outcome, the rules it enforces, and that one path
/// configuration governs a whole read. The resolver is a sealed class, so resolutions are not counted: the variant
/// cache and generation no longer have a resolver, and the last test shows the request path's configuration reaching
/// every step (lookup rules, generation, expiry, placeholder, Cache-Control).
/// </summary>
public sealed class FetchAssetTests : IAsyncLifetime
{
    private const string Configuration = """
        {
          "variant-profiles": { "thumb": { "w": 12, "h": 6 } },
          "paths": {
            "/photos/**": {
              "object-store": { "bucket": "photos-bucket" },
              "image": { "lqip": ["blurhash"] },
              "transform": { "expire": { "strategy": "ttl", "ttl": "1h" } },
              "cache-control": { "enabled": true, "max-age": 3600, "visibility": "public" }
            },
            "/profiles/**": { "transform": { "on-demand-variant": { "mode": "profile_only" } } },
            "/cdn/**": { "return-format": { "redirect": { "strategy": "template", "template": { "string": "https://cdn.example/{bucket}/{key}" } } } },
            "/signed/**": {
              "delivery": { "strategy": "presigned", "presigned": { "ttl": "10m" } },
              "cache-control": { "enabled": true, "max-age": 3600, "visibility": "public", "stale-if-error": 60, "immutable": true }
            }
          }
        }
        """;

    private static CancellationToken None => CancellationToken.None;

    private readonly InMemoryAssetRepository _repository = new();
    private readonly InMemoryObjectStore _objects = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly VariantGenerationScheduler _scheduler =
        new(VariantGenerationSettings.Default, new CapturingLogger<VariantGenerationScheduler>());
    private readonly VariantProfiles _profiles;
    private readonly PathConfigurationResolver _paths;
    private readonly VariantCache _variants;

    public FetchAssetTests()
    {
        var root = JsonNode.Parse(Configuration)!.AsObject();
        var reader = ConfigReader.Root(root);
        _profiles = VariantProfilesReader.Read(reader);
        _paths = PathRulesReader.Read(reader, _profiles);
        var transformer = new VipsImageTransformer();
        var generation = new VariantGeneration(_repository, _objects, transformer, new PlaceholderEncoder(transformer), _time,
            new CapturingLogger<VariantGeneration>());
        _variants = new VariantCache(generation, _scheduler, new VariantAccessBuffer(),
            new GenerationLimits(OutputLimits.Default, VariantGenerationSettings.Default.MemoryBudget), _time, new CapturingLogger<VariantCache>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scheduler.DisposeAsync();

    private FetchAsset Fetch(IPresignedUrlIssuer? presigner = null) => new(_repository, _objects, _paths, _profiles, _variants, presigner);

    private static FetchRequest Request(string path, ReturnFormat format, string query = "") =>
        new(AssetPath.Parse(path), format) { Transformation = Requested(query) };

    private static RequestedTransformation Requested(string query) => TransformationRequest.Parse(
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]));

    private async Task<Asset> StoreAsync(string path)
    {
        var png = TestImages.Gradient(40, 20);
        var location = ObjectLocation.NewFor("assets", ImageFormat.Png);
        using (var content = new MemoryStream(png)) await _objects.PutAsync(location, content, png.Length, "image/png", None);
        var pending = await _repository.CreatePendingAsync(new PendingAsset(AssetPath.Parse(path), AssetInformation.Empty, AssetSource.Upload, null,
            location, new ImageAttributes(40, 20, ImageFormat.Png, 1, null, "srgb"), Lqip.None, _time.GetUtcNow()), None);
        return (await _repository.MarkReadyAsync(pending.Id, None))!;
    }

    [Fact]
    public async Task Info_answers_the_newest_entry_and_entries_lists_them_newest_first()
    {
        await StoreAsync("/photos/a");
        var newest = await StoreAsync("/photos/a");

        var one = Assert.IsType<FetchOutcome.Info>(await Fetch().ExecuteAsync(Request("/photos/a", ReturnFormat.Info), None));
        var all = Assert.IsType<FetchOutcome.Entries>(
            await Fetch().ExecuteAsync(Request("/photos/a", ReturnFormat.Entries) with { Limit = AssetQuery.All }, None));
        var none = Assert.IsType<FetchOutcome.Entries>(await Fetch().ExecuteAsync(Request("/photos/empty", ReturnFormat.Entries), None));

        Assert.Equal(newest.Id, one.Asset.Id);
        Assert.Equal("max-age=3600, public", one.CacheControl.ToHeaderValue());
        Assert.Equal(new long[] { 1, 0 }, all.Assets.Select(a => a.EntryId));
        Assert.Equal("max-age=3600, public", all.CacheControl.ToHeaderValue());
        Assert.Empty(none.Assets);
    }

    [Fact]
    public async Task Entries_lists_20_unless_a_limit_is_given()
    {
        for (var i = 0; i < 22; i++) await StoreAsync("/photos/many");

        var byDefault = Assert.IsType<FetchOutcome.Entries>(await Fetch().ExecuteAsync(Request("/photos/many", ReturnFormat.Entries), None));
        var three = Assert.IsType<FetchOutcome.Entries>(
            await Fetch().ExecuteAsync(Request("/photos/many", ReturnFormat.Entries) with { Limit = 3 }, None));

        Assert.Equal(Enumerable.Range(2, 20).Select(i => (long)i).Reverse(), byDefault.Assets.Select(a => a.EntryId));
        Assert.Equal([21L, 20L, 19L], three.Assets.Select(a => a.EntryId));
    }

    [Fact]
    public async Task A_single_entry_format_with_limit_minus_one_reads_the_first_match()
    {
        await StoreAsync("/photos/a");
        var newest = await StoreAsync("/photos/a");

        var content = Assert.IsType<FetchOutcome.Content>(
            await Fetch().ExecuteAsync(Request("/photos/a", ReturnFormat.Content) with { Limit = AssetQuery.All }, None));

        Assert.Equal(newest.Id, content.Asset.Id);
    }

    [Theory]
    [InlineData(ReturnFormat.Info, "w=10", null, null, "Transformation parameters cannot be combined with the info return format.")]
    [InlineData(ReturnFormat.Entries, "w=10", null, null, "Transformation parameters cannot be combined with the entries return format.")]
    [InlineData(ReturnFormat.Content, "", 2, null, "Cannot have limit > 1 with return format of: content")]
    [InlineData(ReturnFormat.Link, "", 5, null, "Cannot have limit > 1 with return format of: link")]
    [InlineData(ReturnFormat.Info, "", 2, null, "Cannot have limit > 1 with return format of: info")]
    [InlineData(ReturnFormat.Info, "", AssetQuery.All, null, "Info requests must select a single entry")]
    [InlineData(ReturnFormat.Entries, "", null, 0L, "Entries cannot be selected by entry ID")]
    public async Task Requests_that_break_the_selector_rules_are_refused(ReturnFormat format, string query, int? limit, long? entryId, string message)
    {
        await StoreAsync("/photos/a");

        var refused = await Assert.ThrowsAsync<BadRequestException>(() =>
            Fetch().ExecuteAsync(Request("/photos/a", format, query) with { Limit = limit, EntryId = entryId }, None));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public async Task The_paths_refusals_come_before_the_lookup_and_no_match_is_not_found()
    {
        var refused = await Assert.ThrowsAsync<InvalidTransformationException>(() =>
            Fetch().ExecuteAsync(Request("/profiles/missing", ReturnFormat.Content, "w=10"), None));
        var missing = await Assert.ThrowsAsync<AssetNotFoundException>(() =>
            Fetch().ExecuteAsync(Request("/profiles/missing", ReturnFormat.Content, "profile=thumb"), None));

        Assert.Contains("profile_only", refused.Message);
        Assert.Equal("No asset found at /profiles/missing.", missing.Message);
    }

    [Fact]
    public async Task A_link_names_the_original_the_canonical_parameters_or_only_the_profile()
    {
        await StoreAsync("/photos/a");
        await StoreAsync("/profiles/a");

        var original = Assert.IsType<FetchOutcome.Delivery>(await Fetch().ExecuteAsync(Request("/photos/a", ReturnFormat.Link), None));
        var generated = Assert.IsType<FetchOutcome.Delivery>(await Fetch().ExecuteAsync(Request("/photos/a", ReturnFormat.Link, "w=12&format=png"), None));
        var again = Assert.IsType<FetchOutcome.Delivery>(await Fetch().ExecuteAsync(Request("/photos/a", ReturnFormat.Link, "w=12&format=png"), None));
        var profile = Assert.IsType<FetchOutcome.Delivery>(await Fetch().ExecuteAsync(Request("/profiles/a", ReturnFormat.Link, "profile=thumb"), None));

        Assert.Equal(("", CacheStatus.Hit, true, false, null), (original.ContentQuery, original.CacheStatus, original.Variant.IsOriginal, original.AsRedirect, original.Direct));
        Assert.Equal(("?w=12&h=6&format=png", CacheStatus.Miss), (generated.ContentQuery, generated.CacheStatus));
        Assert.Equal((generated.Variant.Id, CacheStatus.Hit), (again.Variant.Id, again.CacheStatus));
        Assert.Equal("?profile=thumb", profile.ContentQuery);
        Assert.Equal((12, 6), (profile.Variant.Attributes.Width, profile.Variant.Attributes.Height));
    }

    [Fact]
    public async Task A_template_redirect_points_at_the_filled_template_with_the_paths_cache_control()
    {
        var asset = await StoreAsync("/cdn/a");

        var redirect = Assert.IsType<FetchOutcome.Delivery>(await Fetch().ExecuteAsync(Request("/cdn/a", ReturnFormat.Redirect), None));

        Assert.True(redirect.AsRedirect);
        Assert.Equal(new DeliveryUrl($"https://cdn.example/assets/{asset.Original.Location.Key}", null), redirect.Direct);
        Assert.Equal(CacheControlSettings.Disabled, redirect.CacheControl);
    }

    [Theory]
    [InlineData(ReturnFormat.Redirect)]
    [InlineData(ReturnFormat.Link)]
    public async Task A_presigned_url_expires_after_the_ttl_and_is_cached_no_longer(ReturnFormat format)
    {
        var asset = await StoreAsync("/signed/a");

        var delivery = Assert.IsType<FetchOutcome.Delivery>(
            await Fetch(new FixedPresigner(_time)).ExecuteAsync(Request("/signed/a", format), None));

        Assert.Equal(new DeliveryUrl($"https://store.example/assets/{asset.Original.Location.Key}?ttl=600", _time.GetUtcNow().AddMinutes(10)),
            delivery.Direct);
        Assert.Equal("max-age=600, public", delivery.CacheControl.ToHeaderValue());
    }

    [Fact]
    public async Task A_store_that_cannot_presign_gets_the_service_url_with_the_full_cache_control()
    {
        await StoreAsync("/signed/a");

        var redirect = Assert.IsType<FetchOutcome.Delivery>(await Fetch().ExecuteAsync(Request("/signed/a", ReturnFormat.Redirect), None));

        Assert.Equal((true, null), (redirect.AsRedirect, redirect.Direct));
        Assert.Equal("max-age=3600, public, stale-if-error=60, immutable", redirect.CacheControl.ToHeaderValue());
    }

    [Fact]
    public async Task Content_opens_the_variants_bytes_and_says_whether_Accept_chose_the_format()
    {
        await StoreAsync("/photos/a");

        var negotiated = Assert.IsType<FetchOutcome.Content>(await Fetch().ExecuteAsync(
            Request("/photos/a", ReturnFormat.Content, "w=12") with { Accept = "image/webp" }, None));
        var named = Assert.IsType<FetchOutcome.Content>(await Fetch().ExecuteAsync(
            Request("/photos/a", ReturnFormat.Download, "w=12&format=jpeg") with { Accept = "image/webp" }, None));
        var pinned = Assert.IsType<FetchOutcome.Content>(await Fetch().ExecuteAsync(Request("/photos/a", ReturnFormat.Content, "w=12"), None));

        Assert.Equal((ImageFormat.Webp, true, false), (negotiated.Variant.Attributes.Format, negotiated.Negotiated, negotiated.AsDownload));
        Assert.Equal((ImageFormat.Jpeg, false, true), (named.Variant.Attributes.Format, named.Negotiated, named.AsDownload));
        Assert.Equal((ImageFormat.Png, false), (pinned.Variant.Attributes.Format, pinned.Negotiated));
        await using var opened = await negotiated.OpenAsync(None);
        using var bytes = new MemoryStream();
        await opened.Content.CopyToAsync(bytes);
        Assert.Equal(new ImageInfo("webpload", 12, 6), TestImages.Read(bytes.ToArray()));
    }

    [Fact]
    public async Task Content_whose_object_is_gone_fails_only_when_opened()
    {
        var asset = await StoreAsync("/photos/a");
        await _objects.DeleteAsync(asset.Original.Location, None);

        var content = Assert.IsType<FetchOutcome.Content>(await Fetch().ExecuteAsync(Request("/photos/a", ReturnFormat.Content), None));

        await Assert.ThrowsAsync<AssetContentMissingException>(() => content.OpenAsync(None));
    }

    [Fact]
    public async Task Every_step_of_a_read_follows_the_configuration_of_the_requested_path()
    {
        await StoreAsync("/photos/a");
        await StoreAsync("/other/a");

        var configured = Assert.IsType<FetchOutcome.Content>(await Fetch().ExecuteAsync(Request("/photos/a", ReturnFormat.Content, "w=12"), None));
        var defaults = Assert.IsType<FetchOutcome.Content>(await Fetch().ExecuteAsync(Request("/other/a", ReturnFormat.Content, "w=12"), None));

        Assert.Equal("photos-bucket", configured.Variant.Location.Bucket);
        Assert.Equal(_time.GetUtcNow().AddHours(1), configured.Variant.ExpiresAt);
        Assert.NotNull(configured.Variant.Lqip.Blurhash);
        Assert.Equal("max-age=3600, public", configured.CacheControl.ToHeaderValue());
        Assert.Equal(PathConfiguration.DefaultBucket, defaults.Variant.Location.Bucket);
        Assert.Null(defaults.Variant.ExpiresAt);
        Assert.Null(defaults.Variant.Lqip.Blurhash);
        Assert.Equal(CacheControlSettings.Disabled, defaults.CacheControl);
    }

    /// <summary>A store that can presign: the URL shows the location and lifetime it was asked for.</summary>
    private sealed class FixedPresigner(TimeProvider time) : IPresignedUrlIssuer
    {
        public ValueTask<PresignedUrl?> TryPresignAsync(ObjectLocation location, TimeSpan ttl, CancellationToken cancellationToken) =>
            ValueTask.FromResult<PresignedUrl?>(new PresignedUrl(
                new Uri($"https://store.example/{location.Bucket}/{location.Key}?ttl={ttl.TotalSeconds}"), time.GetUtcNow().Add(ttl)));
    }
}
