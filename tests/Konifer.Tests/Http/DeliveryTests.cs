using Konifer.UrlSigning;
using System.Net;
using System.Text.Json;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Http;

/// <summary>
/// <c>delivery.strategy</c>: where <c>link.url</c> and the <c>redirect</c> <c>Location</c> point, with each strategy,
/// on the stores that can presign and those that cannot; and the <c>link</c> body that goes with it.
/// </summary>
[Collection(S3Collection.Name)]
public sealed class DeliveryTests(S3Server s3)
{
    private static HttpClient NoFollow(KoniferTestServer server) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    /// <summary>The header as sent (the typed header reorders directives).</summary>
    private static string CacheControl(HttpResponseMessage response) => response.Headers.NonValidated["Cache-Control"].ToString();

    private string S3Stores => $$"""
        data-store.provider = in-memory
        object-store { provider = s3, s3 { endpoint-url = "{{s3.Endpoint}}", region = us-east-1, access-key = S3RVER, secret-key = S3RVER, force-path-style = true } }
        """;

    /// <summary>The store key of the variant <c>info</c> lists after the original (the one a transformed request made).</summary>
    private static async Task<string> VariantKeyAsync(HttpClient client, string path) =>
        (await client.GetJsonAsync($"/assets{path}/-/info")).GetProperty("variants").EnumerateArray()
        .Single(v => !v.GetProperty("isOriginalVariant").GetBoolean()).GetProperty("storeKey").GetString()!;

    private static void AssertAttributes(JsonElement link, int width, int height, string format)
    {
        var attributes = link.GetProperty("attributes");
        Assert.Equal((width, height, format, "srgb"), (attributes.GetProperty("width").GetInt32(), attributes.GetProperty("height").GetInt32(),
            attributes.GetProperty("format").GetString(), attributes.GetProperty("colorSpace").GetString()));
    }

    [Theory]
    [InlineData(KoniferTestServer.InMemoryConfig)]
    [InlineData(KoniferTestServer.FileSystemConfig)]
    public async Task Service_delivery_links_and_redirects_to_the_entrys_content_url_that_serves_the_variant(string config)
    {
        await using var server = await KoniferTestServer.StartAsync(config);
        await server.Client.StoreAsync("/svc/a", TestImages.Gradient(64, 32), new { alt = "a gradient" });
        using var client = NoFollow(server);

        var link = await server.Client.GetJsonAsync("/assets/svc/a/-/link?w=20&format=webp");
        using var redirect = await client.GetAsync("/assets/svc/a/-/redirect?w=20&format=webp");

        var url = link.GetProperty("url").GetString()!;
        Assert.StartsWith($"{server.BaseAddress.AbsoluteUri}assets/svc/a/-/entry/0/content?", url);
        Assert.Equal(["url", "alt", "lqip", "attributes"], link.EnumerateObject().Select(p => p.Name));
        Assert.Equal("a gradient", link.GetProperty("alt").GetString());
        AssertAttributes(link, 20, 10, "webp");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("hit", redirect.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal(url, redirect.Headers.Location!.AbsoluteUri);
        var bytes = await server.Client.GetByteArrayAsync(url);
        Assert.Equal(new ImageInfo("webpload", 20, 10), TestImages.Read(bytes));
    }

    [Fact]
    public async Task A_link_to_the_original_describes_the_original()
    {
        await using var server = await KoniferTestServer.StartAsync();
        await server.Client.StoreAsync("/svc/plain", TestImages.Solid(30, 20, 1, 2, 3));

        var link = await server.Client.GetJsonAsync("/assets/svc/plain");

        Assert.Equal($"{server.BaseAddress.AbsoluteUri}assets/svc/plain/-/entry/0/content", link.GetProperty("url").GetString());
        Assert.False(link.TryGetProperty("alt", out _));
        Assert.False(link.TryGetProperty("expiresAt", out _));
        AssertAttributes(link, 30, 20, "png");
    }

    [Fact]
    public async Task Template_delivery_fills_the_template_with_the_delivered_variants_bucket_and_key()
    {
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            paths { "/cdn/**" { delivery { strategy = template, template.string = "https://{bucket}.cdn.example.com/{bucket}/{key}?source={key}" } } }
            """);
        await server.Client.StoreAsync("/cdn/a", TestImages.Gradient(64, 32));
        using var client = NoFollow(server);

        var link = await server.Client.GetJsonAsync("/assets/cdn/a/-/link?w=16");
        using var redirect = await client.GetAsync("/assets/cdn/a/-/redirect?w=16");

        var key = await VariantKeyAsync(server.Client, "/cdn/a");
        var expected = $"https://assets.cdn.example.com/assets/{key}?source={key}";
        Assert.Equal(expected, link.GetProperty("url").GetString());
        Assert.False(link.TryGetProperty("expiresAt", out _));
        AssertAttributes(link, 16, 8, "png");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal(expected, redirect.Headers.Location!.AbsoluteUri);
    }

    [Theory]
    [InlineData(KoniferTestServer.InMemoryConfig)]
    [InlineData(KoniferTestServer.FileSystemConfig)]
    public async Task Presigned_delivery_on_a_store_that_cannot_presign_uses_the_service_url(string config)
    {
        await using var server = await KoniferTestServer.StartAsync(config + """

            paths { "/**" { delivery.strategy = presigned } }
            """);
        var png = TestImages.Solid(8, 8, 1, 2, 3);
        await server.Client.StoreAsync("/p/a", png);
        using var client = NoFollow(server);

        var link = await server.Client.GetJsonAsync("/assets/p/a/-/link");
        using var redirect = await client.GetAsync("/assets/p/a/-/redirect");

        var serviceUrl = $"{server.BaseAddress.AbsoluteUri}assets/p/a/-/entry/0/content";
        Assert.Equal(serviceUrl, link.GetProperty("url").GetString());
        Assert.False(link.TryGetProperty("expiresAt", out _));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal(serviceUrl, redirect.Headers.Location!.AbsoluteUri);
        Assert.Equal(png, await server.Client.GetByteArrayAsync(serviceUrl));
    }

    [Fact]
    public async Task Presigned_delivery_on_s3_links_and_redirects_to_a_url_that_serves_the_variant_until_expiresAt()
    {
        await using var server = await KoniferTestServer.StartAsync(S3Stores + """

            paths { "/**" { delivery { strategy = presigned, presigned.ttl = 5m } } }
            """);
        await server.Client.StoreAsync("/s3/a", TestImages.Gradient(64, 32));
        using var client = NoFollow(server);

        var before = DateTimeOffset.UtcNow;
        var link = await server.Client.GetJsonAsync("/assets/s3/a/-/link?w=16&format=webp");
        using var redirect = await client.GetAsync("/assets/s3/a/-/redirect?w=16&format=webp");

        Assert.Equal(["url", "expiresAt", "lqip", "attributes"], link.EnumerateObject().Select(p => p.Name));
        var url = new Uri(link.GetProperty("url").GetString()!);
        Assert.Equal(s3.Endpoint.GetLeftPart(UriPartial.Authority), url.GetLeftPart(UriPartial.Authority));
        // 5 minutes; whole seconds, so the signing clock may tick once in between.
        Assert.InRange(int.Parse(System.Web.HttpUtility.ParseQueryString(url.Query)["X-Amz-Expires"]!), 299, 300);
        var expiresAt = link.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.EndsWith("Z", link.GetProperty("expiresAt").GetString());
        Assert.InRange(expiresAt, before.AddMinutes(5).AddSeconds(-2), DateTimeOffset.UtcNow.AddMinutes(5));
        AssertAttributes(link, 16, 8, "webp");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal(url.GetLeftPart(UriPartial.Path), redirect.Headers.Location!.GetLeftPart(UriPartial.Path));
        using var plain = new HttpClient();
        foreach (var delivered in new[] { url, redirect.Headers.Location })
        {
            var bytes = await plain.GetByteArrayAsync(delivered);
            Assert.Equal(new ImageInfo("webpload", 16, 8), TestImages.Read(bytes));
        }
    }

    [Fact]
    public async Task A_presigned_redirect_or_link_is_never_cached_longer_than_the_url_lives()
    {
        await using var server = await KoniferTestServer.StartAsync(S3Stores + """

            paths { "/**" {
              delivery { strategy = presigned, presigned.ttl = 10m }
              cache-control { enabled = true, max-age = 31536000, s-maxage = 60, visibility = public, stale-if-error = 3600, immutable = true }
            } }
            """);
        await server.Client.StoreAsync("/s3/cached", TestImages.Gradient(32, 16));
        using var client = NoFollow(server);

        using var redirect = await client.GetAsync("/assets/s3/cached/-/redirect");
        using var link = await client.GetAsync("/assets/s3/cached/-/link");
        using var content = await client.GetAsync("/assets/s3/cached/-/content");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("max-age=600, s-maxage=60, public", CacheControl(redirect));
        Assert.Equal("max-age=600, s-maxage=60, public", CacheControl(link));
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
              delivery { strategy = template, template.string = "https://cdn.example.com/{key}" }
              cache-control { enabled = true, max-age = 86400, immutable = true }
            } }
            """);
        await server.Client.StoreAsync("/cdn/b", TestImages.Solid(8, 8, 1, 2, 3));
        using var client = NoFollow(server);

        using var response = await client.GetAsync("/assets/cdn/b/-/redirect");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("max-age=86400, immutable", CacheControl(response));
    }

    [Fact]
    public async Task The_older_return_format_redirect_still_works_and_start_up_warns_about_it()
    {
        var logs = new CapturingLogProvider();
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            paths { "/cdn/**" { return-format.redirect { strategy = template, template.string = "https://cdn.example.com/{bucket}/{key}" } } }
            """, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var stored = await server.Client.StoreAsync("/cdn/a", TestImages.Solid(8, 8, 1, 2, 3));
        var key = stored.GetProperty("variants")[0].GetProperty("storeKey").GetString();
        using var client = NoFollow(server);

        using var response = await client.GetAsync("/assets/cdn/a/-/redirect");
        var link = await server.Client.GetJsonAsync("/assets/cdn/a");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://cdn.example.com/assets/{key}", response.Headers.Location!.AbsoluteUri);
        Assert.Equal($"https://cdn.example.com/assets/{key}", link.GetProperty("url").GetString());
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("return-format.redirect", StringComparison.Ordinal));
        Assert.Contains("paths.\"/cdn/**\".return-format.redirect: is deprecated: write delivery", warning.Message);
    }

    [Fact]
    public async Task With_url_signing_on_the_service_url_carries_its_own_signature_and_can_be_followed()
    {
        const string secret = "delivery secret";
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            url-signing { enabled = true, algorithm = hmac_sha256 }
            """, new Dictionary<string, string> { ["URL_SIGNING_SECRET_KEY"] = secret });
        await server.Client.StoreAsync("/signed/a", TestImages.Gradient(64, 32));
        var signer = new UrlSigner(SigningAlgorithm.HmacSha256, secret);
        using var client = NoFollow(server);

        var link = await server.Client.GetJsonAsync(signer.SignUrl("/assets/signed/a/-/link?w=20&format=png"));
        using var redirect = await client.GetAsync(signer.SignUrl("/assets/signed/a/-/redirect?w=20&format=png"));

        var url = link.GetProperty("url").GetString()!;
        Assert.Contains("&s=", url);
        Assert.Equal(url, redirect.Headers.Location!.AbsoluteUri);
        var bytes = await server.Client.GetByteArrayAsync(url);
        Assert.Equal(new ImageInfo("pngload", 20, 10), TestImages.Read(bytes));
        using var tampered = await server.Client.GetAsync(url.Replace("w=20", "w=30", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
    }
}
