using System.Net;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>The <c>redirect</c> return format with each strategy, on the stores that support it.</summary>
[Collection(S3Collection.Name)]
public sealed class RedirectTests(S3Server s3)
{
    private static HttpClient NoFollow(KoniferTestServer server) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    /// <summary>The header as sent (the typed header reorders directives).</summary>
    private static string CacheControl(HttpResponseMessage response) => response.Headers.NonValidated["Cache-Control"].ToString();

    [Fact]
    public async Task Template_strategy_redirects_to_the_filled_template()
    {
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            paths { "/cdn/**" { return-format.redirect { strategy = template, template.string = "https://cdn.example.com/{bucket}/{key}" } } }
            """);
        var stored = await server.Client.StoreAsync("/cdn/a", TestImages.Solid(8, 8, 1, 2, 3));
        var key = stored.GetProperty("variants")[0].GetProperty("storeKey").GetString();
        using var client = NoFollow(server);

        using var response = await client.GetAsync("/assets/cdn/a/-/redirect");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://cdn.example.com/assets/{key}", response.Headers.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task Presigned_strategy_serves_content_on_stores_that_cannot_presign()
    {
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            paths { "/**" { return-format.redirect.strategy = presigned } }
            """);
        var png = TestImages.Solid(8, 8, 1, 2, 3);
        await server.Client.StoreAsync("/p/a", png);
        using var client = NoFollow(server);

        using var response = await client.GetAsync("/assets/p/a/-/redirect");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Presigned_strategy_on_s3_redirects_to_a_url_that_serves_the_variant()
    {
        await using var server = await KoniferTestServer.StartAsync($$"""
            data-store.provider = in-memory
            object-store { provider = s3, s3 { endpoint-url = "{{s3.Endpoint}}", region = us-east-1, access-key = S3RVER, secret-key = S3RVER, force-path-style = true } }
            paths { "/**" { return-format.redirect { strategy = presigned, presigned.ttl = 5m } } }
            """);
        await server.Client.StoreAsync("/s3/a", TestImages.Gradient(64, 32));
        using var client = NoFollow(server);

        using var response = await client.GetAsync("/assets/s3/a/-/redirect?w=16&format=webp");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        var location = response.Headers.Location!;
        // 5 minutes; whole seconds, so the signing clock may tick once in between.
        Assert.InRange(int.Parse(System.Web.HttpUtility.ParseQueryString(location.Query)["X-Amz-Expires"]!), 299, 300);
        using var plain = new HttpClient();
        var bytes = await plain.GetByteArrayAsync(location);
        using var image = NetVips.Image.NewFromBuffer(bytes);
        Assert.Equal((16, 8), (image.Width, image.Height));
        Assert.StartsWith("webpload", (string)image.Get("vips-loader"));
    }

    [Fact]
    public async Task A_presigned_redirect_is_never_cached_longer_than_the_url_lives()
    {
        await using var server = await KoniferTestServer.StartAsync($$"""
            data-store.provider = in-memory
            object-store { provider = s3, s3 { endpoint-url = "{{s3.Endpoint}}", region = us-east-1, access-key = S3RVER, secret-key = S3RVER, force-path-style = true } }
            paths { "/**" {
              return-format.redirect { strategy = presigned, presigned.ttl = 10m }
              cache-control { enabled = true, max-age = 31536000, s-maxage = 60, visibility = public, stale-if-error = 3600, immutable = true }
            } }
            """);
        await server.Client.StoreAsync("/s3/cached", TestImages.Gradient(32, 16));
        using var client = NoFollow(server);

        using var redirect = await client.GetAsync("/assets/s3/cached/-/redirect");
        using var content = await client.GetAsync("/assets/s3/cached/-/content");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("max-age=600, s-maxage=60, public", CacheControl(redirect));
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("max-age=31536000, s-maxage=60, public, stale-if-error=3600, immutable", CacheControl(content));
    }

    [Fact]
    public async Task A_template_redirect_carries_the_configured_cache_control()
    {
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            paths { "/cdn/**" {
              return-format.redirect { strategy = template, template.string = "https://cdn.example.com/{key}" }
              cache-control { enabled = true, max-age = 86400, immutable = true }
            } }
            """);
        await server.Client.StoreAsync("/cdn/b", TestImages.Solid(8, 8, 1, 2, 3));
        using var client = NoFollow(server);

        using var response = await client.GetAsync("/assets/cdn/b/-/redirect");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("max-age=86400, immutable", CacheControl(response));
    }
}
