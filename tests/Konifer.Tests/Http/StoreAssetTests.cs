using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

public sealed class StoreAssetTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;
    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync("""
        data-store.provider = in-memory
        object-store.provider = in-memory
        source.multipart.max-bytes = 200000
        paths {
          "/avatars/**" { allowed-content-types = ["image/png"] }
        }
        """);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Store_returns_201_with_the_asset_and_an_absolute_location()
    {
        var png = TestImages.Gradient(120, 80);
        using var response = await Client.PostAsync("/assets/users/123/profile",
            AssetRequests.Multipart(png, new { alt = "A gradient", labels = new { phone = "iphone" }, tags = new[] { "a", "b", "a" } }, "image/jpeg"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new Uri(_server.BaseAddress, "/assets/users/123/profile/-/entry/0"), response.Headers.Location);
        var asset = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("image", asset.GetProperty("class").GetString());
        Assert.Equal(0, asset.GetProperty("entryId").GetInt64());
        Assert.Equal("A gradient", asset.GetProperty("alt").GetString());
        Assert.Equal("iphone", asset.GetProperty("labels").GetProperty("phone").GetString());
        Assert.Equal(["a", "b"], asset.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("upload", asset.GetProperty("source").GetString());
        var variant = Assert.Single(asset.GetProperty("variants").EnumerateArray());
        Assert.True(variant.GetProperty("isOriginalVariant").GetBoolean());
        Assert.Equal("assets", variant.GetProperty("storeBucket").GetString());
        Assert.Matches("^[0-9a-f-]{36}\\.png$", variant.GetProperty("storeKey").GetString());
        var attributes = variant.GetProperty("attributes");
        // Sniffed from the bytes: the client claimed image/jpeg.
        Assert.Equal("png", attributes.GetProperty("format").GetString());
        Assert.Equal(120, attributes.GetProperty("width").GetInt32());
        Assert.Equal(80, attributes.GetProperty("height").GetInt32());
        Assert.Equal(1, attributes.GetProperty("pageCount").GetInt32());
        Assert.Equal("srgb", attributes.GetProperty("colorSpace").GetString());
        Assert.EndsWith("Z", asset.GetProperty("createdAt").GetString());
    }

    [Theory]
    [InlineData(".jpg", "jpg")]
    [InlineData(".png", "png")]
    [InlineData(".webp", "webp")]
    [InlineData(".gif", "gif")]
    [InlineData(".avif", "avif")]
    [InlineData(".heic", "heic")]
    [InlineData(".jxl", "jxl")]
    public async Task Every_supported_format_is_recognised_from_its_bytes(string suffix, string expectedFormat)
    {
        var bytes = TestImages.Gradient(64, 48, suffix);
        var asset = await Client.StoreAsync("/formats/" + expectedFormat, bytes);
        var attributes = asset.GetProperty("variants")[0].GetProperty("attributes");
        Assert.Equal(expectedFormat, attributes.GetProperty("format").GetString());
        Assert.Equal(64, attributes.GetProperty("width").GetInt32());
        Assert.Equal(48, attributes.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task Animated_gif_reports_its_pages_and_loop()
    {
        var asset = await Client.StoreAsync("/anim", TestImages.AnimatedGif(40, 30, 5));
        var attributes = asset.GetProperty("variants")[0].GetProperty("attributes");
        Assert.Equal(5, attributes.GetProperty("pageCount").GetInt32());
        Assert.Equal(0, attributes.GetProperty("loop").GetInt32());
        Assert.Equal(30, attributes.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task Entry_ids_start_at_zero_and_increase_per_path()
    {
        var png = TestImages.Solid(10, 10, 255, 0, 0);
        Assert.Equal(0, (await Client.StoreAsync("/ids/a", png)).GetProperty("entryId").GetInt64());
        Assert.Equal(1, (await Client.StoreAsync("/ids/a", png)).GetProperty("entryId").GetInt64());
        Assert.Equal(0, (await Client.StoreAsync("/ids/b", png)).GetProperty("entryId").GetInt64());
        Assert.Equal(2, (await Client.StoreAsync("/ids/a", png)).GetProperty("entryId").GetInt64());
    }

    [Fact]
    public async Task Concurrent_uploads_to_one_path_get_distinct_entry_ids()
    {
        var png = TestImages.Solid(16, 16, 0, 255, 0);
        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
            (await Client.StoreAsync("/concurrent/one", png)).GetProperty("entryId").GetInt64()));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), ids.Order());
        var all = await Client.GetJsonAsync("/assets/concurrent/one/-/entries?limit=-1");
        Assert.Equal(100, all.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Non_image_content_is_rejected_and_nothing_is_stored()
    {
        using var response = await Client.PostAsync("/assets/bad/text", AssetRequests.Multipart(Encoding.UTF8.GetBytes("hello, not an image at all"), null, "image/png"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a supported image", await response.ProblemMessageAsync());
        await AssertNothingAt("/bad/text");
    }

    [Fact]
    public async Task Truncated_image_is_rejected_and_nothing_is_stored()
    {
        var jpeg = TestImages.Gradient(300, 200, ".jpg");
        using var response = await Client.PostAsync("/assets/bad/truncated", AssetRequests.Multipart(jpeg[..(jpeg.Length / 3)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("truncated or corrupt", await response.ProblemMessageAsync());
        await AssertNothingAt("/bad/truncated");
    }

    [Fact]
    public async Task Content_type_outside_the_paths_allowed_types_is_forbidden()
    {
        using var response = await Client.PostAsync("/assets/avatars/1", AssetRequests.Multipart(TestImages.Gradient(20, 20, ".jpg")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("image/jpeg is not allowed", await response.ProblemMessageAsync());
        await AssertNothingAt("/avatars/1");
        await Client.StoreAsync("/avatars/1", TestImages.Gradient(20, 20, ".png"));
    }

    [Fact]
    public async Task Body_over_the_multipart_limit_is_413_and_nothing_is_stored()
    {
        var big = new byte[300_000];
        Random.Shared.NextBytes(big);
        TestImages.Solid(4, 4, 1, 2, 3).CopyTo(big, 0);
        using var response = await Client.PostAsync("/assets/big/one", AssetRequests.Multipart(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("source.multipart.max-bytes", await response.ProblemMessageAsync());
        await AssertNothingAt("/big/one");
    }

    [Fact]
    public async Task Missing_parts_are_named()
    {
        var onlyMetadata = new MultipartFormDataContent { { new StringContent("{}"), "metadata" } };
        using var r1 = await Client.PostAsync("/assets/parts/x", onlyMetadata);
        Assert.Equal(HttpStatusCode.BadRequest, r1.StatusCode);
        Assert.Contains("no 'asset' part", await r1.ProblemMessageAsync());

        var onlyAsset = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Solid(4, 4, 0, 0, 0)), "asset", "a.png" } };
        using var r2 = await Client.PostAsync("/assets/parts/x", onlyAsset);
        Assert.Equal(HttpStatusCode.BadRequest, r2.StatusCode);
        Assert.Contains("no 'metadata' part", await r2.ProblemMessageAsync());

        var extra = AssetRequests.Multipart(TestImages.Solid(4, 4, 0, 0, 0));
        extra.Add(new StringContent("x"), "other");
        using var r3 = await Client.PostAsync("/assets/parts/x", extra);
        Assert.Equal(HttpStatusCode.BadRequest, r3.StatusCode);
        Assert.Contains("Unexpected multipart part 'other'", await r3.ProblemMessageAsync());
        await AssertNothingAt("/parts/x");
    }

    [Fact]
    public async Task Bad_metadata_json_is_400()
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent("{ not json"), "metadata" },
            { new ByteArrayContent(TestImages.Solid(4, 4, 0, 0, 0)), "asset", "a.png" },
        };
        using var response = await Client.PostAsync("/assets/json/bad", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.ProblemMessageAsync());
    }

    [Theory]
    [InlineData("alt", "alt is 126 characters long")]
    [InlineData("labels", "51 labels given")]
    [InlineData("labelKey", "longer than 128")]
    [InlineData("tags", "51 tags given")]
    public async Task Invalid_information_is_400_and_nothing_is_stored(string what, string expected)
    {
        object metadata = what switch
        {
            "alt" => new { alt = new string('a', 126) },
            "labels" => new { labels = Enumerable.Range(0, 51).ToDictionary(i => "k" + i, i => "v") },
            "labelKey" => new { labels = new Dictionary<string, string> { [new string('k', 129)] = "v" } },
            _ => new { tags = Enumerable.Range(0, 51).Select(i => "t" + i).ToArray() },
        };
        using var response = await Client.PostAsync("/assets/info/" + what, AssetRequests.Multipart(TestImages.Solid(4, 4, 0, 0, 0), metadata));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.ProblemMessageAsync());
        await AssertNothingAt("/info/" + what);
    }

    [Fact]
    public async Task Unsupported_content_type_is_415()
    {
        using var response = await Client.PostAsync("/assets/x/y", new ByteArrayContent(TestImages.Solid(4, 4, 0, 0, 0)) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("multipart/form-data", await response.ProblemMessageAsync());
    }

    [Fact]
    public async Task Url_store_is_refused_when_no_domain_is_allowed()
    {
        using var response = await Client.PostAsync("/assets/x/url", AssetRequests.Json(new { url = "https://example.com/a.png" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("source.url.allowed-domains", await response.ProblemMessageAsync());
    }

    [Theory]
    [InlineData("/assets/a//b")]
    [InlineData("/assets/a/%20b")]
    [InlineData("/assets/a/b%2Fc")]
    [InlineData("/assets/a/b.c")]
    [InlineData("/assets/")]
    public async Task Invalid_paths_are_400(string url)
    {
        using var response = await Client.PostAsync(url, AssetRequests.Multipart(TestImages.Solid(4, 4, 0, 0, 0)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Selectors_on_store_are_rejected()
    {
        using var response = await Client.PostAsync("/assets/a/b/-/entry/1", AssetRequests.Multipart(TestImages.Solid(4, 4, 0, 0, 0)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not allowed when storing", await response.ProblemMessageAsync());
    }

    private async Task AssertNothingAt(string path)
    {
        using var response = await Client.GetAsync("/assets" + path + "/-/info");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
