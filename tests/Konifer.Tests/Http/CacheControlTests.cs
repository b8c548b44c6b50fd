using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

public sealed class CacheControlTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;
    private HttpClient Client => _server.Client;

    private const string All = "max-age=100, s-maxage=200, private, must-revalidate, stale-while-revalidate=500, stale-if-error=600, immutable";

    public async Task InitializeAsync()
    {
        _server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            paths {
              "/year/**" { cache-control { enabled = true, max-age = 31536000, visibility = public, immutable = true } }
              "/all/**" {
                cache-control {
                  enabled = true, max-age = 100, s-maxage = 200, visibility = private, revalidate = must-revalidate
                  stale-while-revalidate = 500, stale-if-error = 600, immutable = true
                }
              }
              "/shared/**" { cache-control { enabled = true, s-maxage = "1h", revalidate = no-cache } }
              "/off/**" { cache-control { enabled = false, max-age = 100 } }
            }
            """);
        foreach (var path in new[] { "/year/a", "/all/a", "/shared/a", "/off/a", "/plain/a" })
            await Client.StoreAsync(path, TestImages.Solid(8, 8, 50, 60, 70));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string?> CacheControlOf(string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        using var response = await Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified, $"{url}: {(int)response.StatusCode}");
        // The raw header text: the typed CacheControl property would re-serialize it in its own order.
        return response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? string.Join(", ", values) : null;
    }

    [Theory]
    [InlineData("/assets/year/a/-/content", "max-age=31536000, public, immutable")]
    [InlineData("/assets/all/a/-/content", All)]
    [InlineData("/assets/all/a/-/download", All)]
    [InlineData("/assets/all/a/-/redirect", All)]
    [InlineData("/assets/all/a", All)]
    [InlineData("/assets/all/a/-/info", All)]
    [InlineData("/assets/all/a/-/entries?limit=-1", All)]
    [InlineData("/assets/all/a/-/content?w=4&format=webp", All)]
    [InlineData("/assets/shared/a/-/content", "s-maxage=3600, no-cache")]
    public async Task Reads_carry_cache_control_exactly_as_configured(string url, string expected) =>
        Assert.Equal(expected, await CacheControlOf(url));

    [Theory]
    [InlineData("/assets/off/a/-/content")]
    [InlineData("/assets/off/a")]
    [InlineData("/assets/plain/a/-/content")]
    [InlineData("/assets/plain/a/-/info")]
    public async Task Disabled_or_unconfigured_paths_send_no_cache_control(string url) =>
        Assert.Null(await CacheControlOf(url));

    [Fact]
    public async Task A_304_repeats_the_cache_control()
    {
        using var first = await Client.GetAsync("/assets/year/a/-/content");
        var etag = first.Headers.ETag!;
        Assert.Equal("max-age=31536000, public, immutable",
            await CacheControlOf("/assets/year/a/-/content", r => r.Headers.IfNoneMatch.Add(etag)));
    }

    [Theory]
    [InlineData("/assets/all/missing/-/content", null, HttpStatusCode.NotFound)]           // exception handler
    [InlineData("/assets/all/a/-/content", "\"other\"", HttpStatusCode.PreconditionFailed)] // written by the endpoint
    [InlineData("/assets/all/a/-/content?w=0", null, HttpStatusCode.BadRequest)]             // after the path's header was set
    [InlineData("/nowhere", null, HttpStatusCode.NotFound)]                                   // routing, status-code pages
    public async Task Every_error_carries_the_same_no_store_cache_control(string url, string? ifMatch, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifMatch is not null) request.Headers.IfMatch.ParseAdd(ifMatch);
        using var response = await Client.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("no-store", string.Join(", ", response.Headers.GetValues("Cache-Control")));
    }

    [Fact]
    public async Task A_wrong_method_is_a_no_store_problem_too()
    {
        using var response = await Client.PatchAsync("/assets/all/a", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        await response.ProblemAsync();
    }
}
