using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>
/// <c>url-signing.negotiation</c>: the signature covers the URL, not <c>Accept</c>, so by default one signed URL yields a
/// variant per acceptable format; a list of formats or <c>pinned</c> limits what an unsigned header can make the server produce.
/// </summary>
public sealed class SignedNegotiationTests
{
    private const string Secret = "negotiation secret";

    private static async Task<KoniferTestServer> StartAsync(string? negotiation)
    {
        var config = $$"""
            data-store.provider = in-memory
            object-store.provider = in-memory
            url-signing { enabled = true, secret-key = "{{Secret}}" {{(negotiation is null ? "" : ", negotiation = " + negotiation)}} }
            """;
        var server = await KoniferTestServer.StartAsync(config);
        await server.Client.StoreAsync("/users/1", TestImages.Gradient(40, 20)); // a PNG
        return server;
    }

    private static string Signed(string url, params (string Key, string Value)[] parameters)
    {
        var signature = ReferenceSignature.Sign("hmac_sha256", Secret, ReferenceSignature.Payload(url, parameters));
        return $"{url}?{string.Join("&", parameters.Select(p => $"{p.Key}={p.Value}").Append("s=" + signature))}";
    }

    private static async Task<HttpResponseMessage> GetAsync(KoniferTestServer server, string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await server.Client.SendAsync(request);
    }

    private static async Task<string?> TypeOf(KoniferTestServer server, string url, string? accept)
    {
        using var response = await GetAsync(server, url, accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.ContentType?.MediaType;
    }

    [Fact]
    public async Task By_default_one_signed_url_yields_a_variant_per_accepted_format()
    {
        await using var server = await StartAsync(negotiation: null);
        var url = Signed("/assets/users/1/-/content", ("w", "20"));
        string[] formats = ["image/avif", "image/webp", "image/jxl", "image/heic", "image/gif", "image/jpeg", "image/png"];
        foreach (var format in formats)
            Assert.Equal(format, await TypeOf(server, url, format));
    }

    [Fact]
    public async Task A_list_limits_negotiation_to_its_formats()
    {
        await using var server = await StartAsync("[webp, jpg]");
        var url = Signed("/assets/users/1/-/content", ("w", "20"));

        Assert.Equal("image/webp", await TypeOf(server, url, "image/avif,image/webp,*/*;q=0.8"));
        Assert.Equal("image/jpeg", await TypeOf(server, url, "image/jxl, image/jpeg;q=0.5"));

        using var refused = await GetAsync(server, url, "image/avif");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("image/webp, image/jpeg", await refused.ProblemMessageAsync());

        // A format in the signed URL is the signer's choice, not the header's.
        Assert.Equal("image/avif", await TypeOf(server, Signed("/assets/users/1/-/content", ("w", "20"), ("format", "avif")), "image/webp"));
    }

    [Fact]
    public async Task Pinned_ignores_accept_and_serves_the_signed_or_original_format()
    {
        await using var server = await StartAsync("pinned");
        var url = Signed("/assets/users/1/-/content", ("w", "20"));
        foreach (var accept in new[] { "image/avif", "image/webp,*/*", "image/jxl" })
        {
            using var response = await GetAsync(server, url, accept);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType); // the original's
            Assert.DoesNotContain("Accept", response.Headers.Vary);
        }
        Assert.Equal("image/webp", await TypeOf(server, Signed("/assets/users/1/-/content", ("w", "20"), ("format", "webp")), "image/avif"));

        using var linkRequest = new HttpRequestMessage(HttpMethod.Get, Signed("/assets/users/1", ("w", "20"))) { Headers = { { "Accept", "image/avif" } } };
        using var link = await server.Client.SendAsync(linkRequest);
        Assert.Contains("format=png", await link.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_signing_the_setting_changes_nothing()
    {
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig + "\nurl-signing.negotiation = pinned");
        await server.Client.StoreAsync("/users/1", TestImages.Gradient(40, 20));
        Assert.Equal("image/avif", await TypeOf(server, "/assets/users/1/-/content?w=20", "image/avif"));
    }
}
