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
        Assert.Contains("X-Amz-Expires=300", location.Query);
        using var plain = new HttpClient();
        var bytes = await plain.GetByteArrayAsync(location);
        using var image = NetVips.Image.NewFromBuffer(bytes);
        Assert.Equal((16, 8), (image.Width, image.Height));
        Assert.StartsWith("webpload", (string)image.Get("vips-loader"));
    }
}
