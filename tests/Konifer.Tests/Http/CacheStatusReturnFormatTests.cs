using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>K-Cache-Status on the return formats other than content: download and a 307 redirect.</summary>
public sealed class CacheStatusReturnFormatTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync("""
        data-store.provider = in-memory
        object-store.provider = in-memory
        paths { "/cdn/**" { return-format.redirect { strategy = template, template.string = "https://cdn.example.com/{bucket}/{key}" } } }
        """);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Download_says_miss_when_it_generates_and_hit_when_it_serves_the_stored_variant()
    {
        await _server.Client.StoreAsync("/photos/a", TestImages.Gradient(60, 30));

        using var miss = await _server.Client.GetAsync("/assets/photos/a/-/download?w=20");
        Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        Assert.Equal("miss", miss.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal("attachment", miss.Content.Headers.ContentDisposition?.DispositionType);
        var generated = await miss.Content.ReadAsByteArrayAsync();
        Assert.Equal(new ImageInfo("pngload", 20, 10), TestImages.Read(generated));

        using var hit = await _server.Client.GetAsync("/assets/photos/a/-/download?w=20");
        Assert.Equal("hit", hit.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal(generated, await hit.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_307_redirect_says_miss_when_it_generates_and_hit_afterwards()
    {
        await _server.Client.StoreAsync("/cdn/a", TestImages.Gradient(60, 30));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseAddress };

        using var miss = await client.GetAsync("/assets/cdn/a/-/redirect?w=20");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, miss.StatusCode);
        Assert.Equal("miss", miss.Headers.GetValues("K-Cache-Status").Single());

        using var hit = await client.GetAsync("/assets/cdn/a/-/redirect?w=20");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, hit.StatusCode);
        Assert.Equal("hit", hit.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal(miss.Headers.Location, hit.Headers.Location);

        // The redirect points at the stored variant, not at the original.
        var info = await _server.Client.GetJsonAsync("/assets/cdn/a/-/info");
        var variant = info.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("isOriginalVariant").GetBoolean() == false);
        Assert.Equal($"https://cdn.example.com/assets/{variant.GetProperty("storeKey").GetString()}", hit.Headers.Location!.AbsoluteUri);
    }
}
