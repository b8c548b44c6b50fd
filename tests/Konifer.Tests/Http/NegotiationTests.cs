using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>
/// Negotiation of requests without parameters on the embedded stores (Faults/ProductionHealthTests runs the walk on
/// PostgreSQL and S3), and where the path's on-demand mode or a signed URL limits it.
/// </summary>
public sealed class NegotiationTests
{
    private const string Secret = "negotiation secret";

    [Theory]
    [InlineData(KoniferTestServer.InMemoryConfig)]
    [InlineData(KoniferTestServer.FileSystemConfig)]
    public async Task Accept_alone_chooses_the_format_of_the_original(string config)
    {
        await using var server = await KoniferTestServer.StartAsync(config);
        await NegotiationWalk.RunAsync(server.Client, "/negotiated/photo");
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("profile_only")]
    public async Task Paths_that_do_not_generate_on_demand_serve_the_original_whatever_Accept_says(string mode)
    {
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig +
            $"\npaths {{ \"/fixed/**\" {{ transform.on-demand-variant.mode = {mode} }} }}");
        var png = TestImages.Gradient(40, 20);
        await server.Client.StoreAsync("/fixed/photo", png);
        foreach (var accept in new[] { "image/webp", "image/avif,image/webp,*/*;q=0.8", "text/html" })
        {
            var (response, bytes) = await NegotiationWalk.GetAsync(server.Client, "/assets/fixed/photo/-/content", accept);
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(png, bytes);
                Assert.DoesNotContain("Accept", response.Headers.Vary);
            }
        }
        var info = await server.Client.GetJsonAsync("/assets/fixed/photo/-/info");
        Assert.Equal(1, info.GetProperty("variants").GetArrayLength()); // nothing was generated
    }

    [Fact]
    public async Task A_signed_list_limits_what_Accept_may_generate_but_the_original_stays_servable()
    {
        await using var server = await StartSignedAsync("[webp, jpg]");
        var url = Signed("/assets/users/1/-/content");
        Assert.Equal("webpload", await LoaderAsync(server, url, "image/avif,image/webp,*/*;q=0.8"));
        Assert.Equal("pngload", await LoaderAsync(server, url, "image/avif,*/*;q=0.8")); // the original, nothing new
        Assert.Equal("pngload", await LoaderAsync(server, url, "image/png"));
        var (refused, _) = await NegotiationWalk.GetAsync(server.Client, url, "image/avif");
        using (refused) Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_pinned_signed_url_serves_the_original_without_Vary()
    {
        await using var server = await StartSignedAsync("pinned");
        var (response, bytes) = await NegotiationWalk.GetAsync(server.Client, Signed("/assets/users/1/-/content"), "image/webp");
        using (response)
        {
            Assert.Equal("pngload", TestImages.Read(bytes).Loader);
            Assert.DoesNotContain("Accept", response.Headers.Vary);
        }
    }

    private static async Task<KoniferTestServer> StartSignedAsync(string negotiation)
    {
        var server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig +
            $"\nurl-signing {{ enabled = true, secret-key = \"{Secret}\", negotiation = {negotiation} }}");
        await server.Client.StoreAsync("/users/1", TestImages.Gradient(40, 20));
        return server;
    }

    private static string Signed(string url) =>
        $"{url}?s={ReferenceSignature.Sign("hmac_sha256", Secret, ReferenceSignature.Payload(url))}";

    private static async Task<string> LoaderAsync(KoniferTestServer server, string url, string accept)
    {
        var (response, bytes) = await NegotiationWalk.GetAsync(server.Client, url, accept);
        using (response) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TestImages.Read(bytes).Loader;
    }
}
