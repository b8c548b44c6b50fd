using System.Net;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// Content negotiation without transformation parameters (issue 12): <c>Accept</c> alone picks the format of the
/// original, q-values rank the formats, wildcards and no header keep the original, a header naming no image type is
/// refused by <c>content</c>/<c>download</c> but not by <c>link</c>/<c>info</c>. Shared by every store configuration.
/// </summary>
public static class NegotiationWalk
{
    public static async Task RunAsync(HttpClient client, string path)
    {
        var png = TestImages.Gradient(40, 20);
        await client.StoreAsync(path, png);
        var content = $"/assets{path}/-/content";

        // Accept alone: the original in WebP, generated once, then served from the store; caches key on Accept.
        var (webp, webpBytes) = await GetAsync(client, content, "image/webp");
        Assert.Equal(HttpStatusCode.OK, webp.StatusCode);
        Assert.Equal("image/webp", webp.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new ImageInfo("webpload", 40, 20), TestImages.Read(webpBytes));
        Assert.Contains("Accept", webp.Headers.Vary);
        Assert.Equal("miss", webp.Headers.GetValues("K-Cache-Status").Single());
        var (again, againBytes) = await GetAsync(client, content, "image/webp");
        Assert.Equal("hit", again.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal(webpBytes, againBytes);

        // q-values pick the best acceptable format, whatever the order.
        Assert.Equal("webpload", await LoaderAsync(client, content, "image/avif;q=0.2, image/jpeg;q=0.5, image/webp;q=0.9"));
        Assert.Equal("jpegload", await LoaderAsync(client, content, "image/webp;q=0.4, image/jpeg"));
        Assert.Equal("webpload", await LoaderAsync(client, content, "image/png;q=0, image/webp;q=0.1"));

        // No header, wildcards and the original's own type keep the original, byte for byte.
        foreach (var accept in new[] { null, "*/*", "image/*", "image/png", "text/html, image/*;q=0.8, */*;q=0.5" })
        {
            var (original, bytes) = await GetAsync(client, content, accept);
            Assert.Equal(HttpStatusCode.OK, original.StatusCode);
            Assert.Equal(png, bytes);
            Assert.Contains("Accept", original.Headers.Vary);
        }

        // The image itself cannot be served as HTML or JSON: 400 naming the header.
        foreach (var url in new[] { content, $"/assets{path}/-/download" })
            foreach (var accept in new[] { "text/html", "application/json" })
            {
                var (refused, _) = await GetAsync(client, url, accept);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Contains("Accept", await refused.ProblemMessageAsync(), StringComparison.Ordinal);
            }

        // download negotiates like content.
        var (download, downloadBytes) = await GetAsync(client, $"/assets{path}/-/download", "image/webp");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("webpload", TestImages.Read(downloadBytes).Loader);

        // JSON answers never refuse a JSON Accept; a link follows an image Accept.
        foreach (var url in new[] { $"/assets{path}/-/info", $"/assets{path}/-/link", $"/assets{path}/-/link?w=20" })
        {
            var (json, _) = await GetAsync(client, url, "application/json");
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        }
        var (plainLink, plainLinkBody) = await GetAsync(client, $"/assets{path}/-/link", "application/json");
        Assert.DoesNotContain("format=", System.Text.Encoding.UTF8.GetString(plainLinkBody), StringComparison.Ordinal);
        var (webpLink, webpLinkBody) = await GetAsync(client, $"/assets{path}/-/link", "image/webp");
        Assert.Equal(HttpStatusCode.OK, webpLink.StatusCode);
        Assert.Contains("format=webp", System.Text.Encoding.UTF8.GetString(webpLinkBody), StringComparison.Ordinal);
        Assert.Contains("Accept", webpLink.Headers.Vary);
        plainLink.Dispose();
    }

    public static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(HttpClient client, string url, string? accept, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> LoaderAsync(HttpClient client, string url, string accept)
    {
        var (response, bytes) = await GetAsync(client, url, accept);
        using (response) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TestImages.Read(bytes).Loader;
    }
}
