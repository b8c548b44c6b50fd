using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>
/// Storing from a URL against a real origin on 127.0.0.1. Loopback is not public, so it is reachable only because
/// the tests list the address literally in allowed-domains (the documented exemption); by name it is refused.
/// </summary>
public sealed class UrlSourceTests : IAsyncLifetime
{
    private OriginServer _origin = null!;
    private readonly List<KoniferTestServer> _servers = [];
    private readonly byte[] _png = TestImages.Gradient(90, 60);

    public async Task InitializeAsync() => _origin = await OriginServer.StartAsync(_png);

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        await _origin.DisposeAsync();
    }

    private async Task<KoniferTestServer> KoniferAsync(string domains, string extra = "")
    {
        var server = await KoniferTestServer.StartAsync($$"""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            source.url.allowed-domains = {{domains}}
            {{extra}}
            """);
        _servers.Add(server);
        return server;
    }

    private static Task<HttpResponseMessage> StoreFromAsync(KoniferTestServer server, string path, string url, string? alt = null) =>
        server.Client.PostAsync("/assets" + path, AssetRequests.Json(new { url, alt, labels = new { origin = "test" }, tags = new[] { "remote" } }));

    private static async Task<string> RefusedAsync(KoniferTestServer server, string url, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var message = await StoredObjects.AssertNothingStoredAsync(server, "/remote/pic", async () =>
        {
            using var response = await StoreFromAsync(server, "/remote/pic", url);
            Assert.Equal(expected, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
        return message;
    }

    [Fact]
    public async Task Allowed_address_is_fetched_stored_and_recorded_as_a_url_source()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        var url = _origin.Url("/image.png");

        using var response = await StoreFromAsync(server, "/remote/pic", url, "From afar");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new Uri(server.BaseAddress, "/assets/remote/pic/-/entry/0"), response.Headers.Location);
        var asset = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("url", asset.GetProperty("source").GetString());
        Assert.Equal(url, asset.GetProperty("sourceUrl").GetString());
        Assert.Equal("From afar", asset.GetProperty("alt").GetString());
        Assert.Equal("test", asset.GetProperty("labels").GetProperty("origin").GetString());
        Assert.Equal(["remote"], asset.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var attributes = asset.GetProperty("variants")[0].GetProperty("attributes");
        Assert.Equal("png", attributes.GetProperty("format").GetString());

        var info = await server.Client.GetJsonAsync("/assets/remote/pic/-/info");
        Assert.Equal("url", info.GetProperty("source").GetString());
        Assert.Equal(url, info.GetProperty("sourceUrl").GetString());
        var content = await server.Client.GetByteArrayAsync("/assets/remote/pic/-/content");
        Assert.Equal(_png, content);
        var decoded = TestImages.Read(content);
        Assert.Equal(("pngload", 90, 60), (decoded.Loader, decoded.Width, decoded.Height));
        Assert.Equal(1, StoredObjects.Count(server));
    }

    [Fact]
    public async Task Loopback_by_name_is_refused_at_connect_time_even_when_the_name_is_allowed()
    {
        var server = await KoniferAsync("[localhost]");
        var message = await RefusedAsync(server, $"http://localhost:{_origin.Port}/image.png");
        Assert.Contains("source.url.allowed-domains lists the address", message);
        Assert.Equal(0, _origin.Requests);
    }

    [Fact]
    public async Task Listing_the_loopback_address_lets_an_allowed_name_that_resolves_there_through()
    {
        var server = await KoniferAsync("[localhost, \"127.0.0.1\"]");
        using var response = await StoreFromAsync(server, "/remote/pic", $"http://localhost:{_origin.Port}/image.png");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Host_outside_the_allowed_domains_is_refused_without_a_request()
    {
        var server = await KoniferAsync("[\"images.example.com\", \"*.cdn.example.com\"]");
        var message = await RefusedAsync(server, _origin.Url("/image.png"));
        Assert.Contains("'127.0.0.1'", message);
        Assert.Contains("source.url.allowed-domains", message);
        Assert.Equal(0, _origin.Requests);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/image.png", "http or https")]
    [InlineData("not a url", "absolute URL")]
    [InlineData("http://user:secret@127.0.0.1/image.png", "credentials")]
    [InlineData("", "empty")]
    public async Task Urls_that_are_not_plain_http_are_refused(string url, string expected)
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        Assert.Contains(expected, await RefusedAsync(server, url));
    }

    [Fact]
    public async Task A_redirect_within_the_allowed_hosts_is_followed_and_the_given_url_is_recorded()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        var url = _origin.Url("/chain/4");
        using var response = await StoreFromAsync(server, "/remote/pic", url);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var asset = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(url, asset.GetProperty("sourceUrl").GetString());
        Assert.Equal(6, _origin.Requests); // five redirects (the limit) and the image
    }

    [Fact]
    public async Task A_redirect_to_a_host_outside_the_allowed_domains_is_refused()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        var target = $"http://localhost:{_origin.Port}/image.png";
        var message = await RefusedAsync(server, _origin.Url("/redirect?to=" + Uri.EscapeDataString(target)));
        Assert.Contains("'localhost'", message);
        Assert.Contains("redirect target", message);
        Assert.Equal(1, _origin.Requests);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        var message = await RefusedAsync(server, _origin.Url("/redirect?to=" + Uri.EscapeDataString("file:///etc/passwd")));
        Assert.Contains("not an http or https URL", message);
    }

    [Fact]
    public async Task Too_many_redirects_and_redirect_loops_are_refused()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        var tooMany = await RefusedAsync(server, _origin.Url("/chain/5"));
        Assert.StartsWith("Asset source exceeded the maximum of 5 redirects", tooMany);
        Assert.Contains("source.url.max-redirects", tooMany);
        Assert.StartsWith("Asset source redirect loop detected", await RefusedAsync(server, _origin.Url("/loop")));
        Assert.Equal(6 + 1, _origin.Requests); // the loop is seen at its first repeat, not after five hops
    }

    [Fact]
    public async Task The_redirect_bound_is_configurable()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]", "source.url.max-redirects = 0");
        Assert.Contains("more than 0 times", await RefusedAsync(server, _origin.Url("/chain/0")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_max_bytes_is_400_whether_or_not_its_length_is_declared(bool declared)
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]", "source.url.max-bytes = 50000");
        var message = await RefusedAsync(server, _origin.Url($"/large?bytes=10000000&declared={declared}"));
        Assert.StartsWith("Remote asset too large", message);
        Assert.Contains("source.url.max-bytes (50000 bytes)", message);
    }

    [Theory]
    [InlineData("http://no-such-host.invalid/a.png")]
    [InlineData("http://127.0.0.1:1/a.png")]
    public async Task A_host_that_does_not_resolve_or_refuses_the_connection_is_502_saying_no_more(string url)
    {
        var server = await KoniferAsync("[\"127.0.0.1\", \"no-such-host.invalid\"]");
        // The same words for both: the answer must not tell a closed port from a missing host.
        Assert.Equal("Failed to retrieve asset source: the URL source could not be fetched.", await RefusedAsync(server, url, HttpStatusCode.BadGateway));
    }

    [Fact]
    public async Task An_upstream_refusal_is_400_naming_the_status()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        Assert.StartsWith("Asset source returned 404", await RefusedAsync(server, _origin.Url("/missing")));
        Assert.StartsWith("Asset source returned 403", await RefusedAsync(server, _origin.Url("/status/403")));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task An_upstream_failure_is_502_naming_the_status(int status)
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        Assert.StartsWith($"Asset source returned {status}", await RefusedAsync(server, _origin.Url($"/status/{status}"), HttpStatusCode.BadGateway));
    }

    [Fact]
    public async Task A_redirect_without_location_or_of_an_unsupported_kind_is_400()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        Assert.Equal("Asset source returned redirect 302 without a Location header.", await RefusedAsync(server, _origin.Url("/status/302")));
        Assert.Equal("Asset source returned unsupported redirect 300.", await RefusedAsync(server, _origin.Url("/status/300")));
    }

    [Fact]
    public async Task Content_that_is_not_an_image_is_400()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        Assert.Contains("not a supported image", await RefusedAsync(server, _origin.Url("/large?bytes=3000")));
    }

    [Fact]
    public async Task A_silent_origin_hits_the_read_timeout()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]", "source.url.read-timeout = 300ms");
        var watch = Stopwatch.StartNew();
        Assert.Contains("source.url.read-timeout", await RefusedAsync(server, _origin.Url("/slow?ms=20000"), HttpStatusCode.GatewayTimeout));
        Assert.Contains("source.url.read-timeout", await RefusedAsync(server, _origin.Url("/stall?ms=20000"), HttpStatusCode.GatewayTimeout));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_trickling_origin_hits_the_whole_download_timeout()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]", "source.url { read-timeout = 5s, timeout = 400ms }");
        var message = await RefusedAsync(server, _origin.Url("/stall?ms=20000"), HttpStatusCode.GatewayTimeout);
        Assert.StartsWith("Timed out retrieving asset source", message);
        Assert.Contains("source.url.timeout", message);
    }

    [Fact]
    public async Task A_json_store_without_url_is_400()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        using var response = await server.Client.PostAsync("/assets/remote/pic", AssetRequests.Json(new { alt = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("URL or S3 ARN must be supplied", await response.ProblemMessageAsync());
    }

    [Fact]
    public async Task Invalid_information_is_refused_before_anything_is_fetched()
    {
        var server = await KoniferAsync("[\"127.0.0.1\"]");
        using var response = await server.Client.PostAsync("/assets/remote/pic", AssetRequests.Json(new { url = _origin.Url("/image.png"), alt = new string('a', 126) }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _origin.Requests);
    }
}
