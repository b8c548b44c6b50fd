using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

public sealed class FetchAssetTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;
    private HttpClient Client => _server.Client;
    private readonly byte[] _first = TestImages.Solid(30, 20, 255, 0, 0);
    private readonly byte[] _second = TestImages.Gradient(40, 10, ".jpg");

    public async Task InitializeAsync()
    {
        _server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            http.public-url = "https://img.example.com"
            """);
        await Client.StoreAsync("/users/1/photo", _first, new { alt = "first", labels = new { phone = "iphone", limit = "x" } });
        await Client.StoreAsync("/users/1/photo", _second, new { alt = "zweites Bild ü", labels = new { phone = "android" } });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Default_is_a_link_to_the_newest_entry_built_from_the_public_url()
    {
        var link = await Client.GetJsonAsync("/assets/users/1/photo");
        Assert.Equal("https://img.example.com/assets/users/1/photo/-/entry/1/content", link.GetProperty("url").GetString());
        Assert.Equal("zweites Bild ü", link.GetProperty("alt").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, link.GetProperty("lqip").ValueKind);
        Assert.False(link.TryGetProperty("expiresAt", out _));
        var attributes = link.GetProperty("attributes");
        Assert.Equal((10, 40, "jpg", "srgb"), (attributes.GetProperty("height").GetInt32(), attributes.GetProperty("width").GetInt32(),
            attributes.GetProperty("format").GetString(), attributes.GetProperty("colorSpace").GetString()));
        Assert.Equal(["url", "alt", "lqip", "attributes"], link.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Content_streams_the_newest_original_with_headers()
    {
        using var response = await Client.GetAsync("/assets/users/1/photo/-/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_second.Length, response.Content.Headers.ContentLength);
        Assert.Equal(Uri.EscapeDataString("zweites Bild ü"), response.Headers.GetValues("K-Alt").Single());
        Assert.Equal(_second, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Entry_selector_returns_an_older_entry()
    {
        using var response = await Client.GetAsync("/assets/users/1/photo/-/entry/0/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("first", response.Headers.GetValues("K-Alt").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(_first, bytes);
        Assert.Equal(new ImageInfo("pngload", 30, 20), TestImages.Read(bytes));

        var info = await Client.GetJsonAsync("/assets/users/1/photo/-/entry/0/info");
        Assert.Equal(0, info.GetProperty("entryId").GetInt64());
    }

    [Fact]
    public async Task Download_sets_an_attachment_file_name()
    {
        using var response = await Client.GetAsync("/assets/users/1/photo/-/entry/0/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("first.png", disposition.FileNameStar);
        Assert.Equal(_first, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Redirect_without_a_strategy_sends_the_client_to_the_entrys_content()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseAddress };
        using var response = await client.GetAsync("/assets/users/1/photo/-/redirect");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://img.example.com/assets/users/1/photo/-/entry/1/content", response.Headers.Location!.AbsoluteUri);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Info_answers_one_entry_and_entries_lists_them_newest_first()
    {
        var all = await Client.GetJsonAsync("/assets/users/1/photo/-/entries?limit=-1");
        Assert.Equal([1L, 0L], all.GetProperty("entries").EnumerateArray().Select(a => a.GetProperty("entryId").GetInt64()));
        var two = await Client.GetJsonAsync("/assets/users/1/photo/-/new/entries?limit=2");
        Assert.Equal(2, two.GetProperty("entries").GetArrayLength());
        var one = await Client.GetJsonAsync("/assets/users/1/photo/-/INFO");
        Assert.Equal(1, one.GetProperty("entryId").GetInt64());
        var legacy = await Client.GetJsonAsync("/assets/users/1/photo/-/created/metadata");
        Assert.Equal(1, legacy.GetProperty("entryId").GetInt64());
    }

    [Fact]
    public async Task Labels_filter_and_label_prefix_for_reserved_keys()
    {
        var iphone = await Client.GetJsonAsync("/assets/users/1/photo/-/info?phone=iphone");
        Assert.Equal(0, iphone.GetProperty("entryId").GetInt64());
        var reserved = await Client.GetJsonAsync("/assets/users/1/photo/-/info?label:limit=x");
        Assert.Equal(0, reserved.GetProperty("entryId").GetInt64());
        using var none = await Client.GetAsync("/assets/users/1/photo/-/info?phone=nokia");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task Modified_order_follows_updates()
    {
        using var put = await Client.PutAsync("/assets/users/1/photo/-/entry/0", AssetRequests.Json(new { alt = "touched", labels = new { phone = "iphone", limit = "x" } }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var modified = await Client.GetJsonAsync("/assets/users/1/photo/-/modified/info");
        Assert.Equal(0, modified.GetProperty("entryId").GetInt64());
        var newest = await Client.GetJsonAsync("/assets/users/1/photo/-/new/info");
        Assert.Equal(1, newest.GetProperty("entryId").GetInt64());
    }

    [Theory]
    [InlineData("/assets/users/1/unknown", 404, "No asset found at /users/1/unknown")]
    [InlineData("/assets/users/1/photo/-/entry/9", 404, "No asset with entry id 9")]
    [InlineData("/assets/users/1/photo/-/sideways", 400, "Invalid selectors")]
    [InlineData("/assets/users/1/photo/-/entry/x/info", 400, "Entry id 'x'")]
    [InlineData("/assets/users/1/photo/-/entry/1/bogus", 400, "not a return format")]
    [InlineData("/assets/users/1/photo/-/new/content/extra", 400, "Invalid selectors")]
    [InlineData("/assets/users/1/photo/-/content?limit=2", 400, "Cannot have limit > 1 with return format of: content")]
    [InlineData("/assets/users/1/photo/-/info?limit=-1", 400, "Info requests must select a single entry")]
    [InlineData("/assets/users/1/photo/-/info?limit=0", 400, "Invalid limit")]
    [InlineData("/assets/users/1/photo/-/info?w=100", 400, "cannot be combined with the info return format")]
    [InlineData("/assets/users/1/photo/-/info?phone=a&phone=b", 400, "given more than once")]
    [InlineData("/nothing-here", 404, "asset routes start with /assets/")]
    public async Task Bad_requests_get_specific_problems(string url, int status, string message)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, await response.ProblemMessageAsync());
    }

    [Fact]
    public async Task Health_answers_okay()
    {
        var health = await Client.GetJsonAsync("/health");
        Assert.Equal("okay", health.GetProperty("status").GetString());
    }
}
