using System.Net;
using Konifer.Client.AspNetCore;
using Konifer.Tests.TestSupport;
using Konifer.UrlSigning;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Client.Tests.Urls;

/// <summary>A server that requires signed reads, with a key rotation under way: the client signs as it verifies.</summary>
public sealed class SignedUrlsTests : IAsyncLifetime
{
    private const string NewKey = "the-new-signing-key-0123456789";
    private const string OldKey = "the-old-signing-key-9876543210";
    private KoniferTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig + $$"""

        url-signing { enabled = true, algorithm = hmac_sha384, secret-keys = ["{{NewKey}}", "{{OldKey}}"] }
        """);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_registered_client_signs_its_reads_and_its_urls_with_the_same_signer_as_the_server()
    {
        var services = new ServiceCollection();
        services.AddKoniferClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.SigningKey = NewKey;
            o.SigningAlgorithm = SigningAlgorithm.HmacSha384;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<KoniferClient>();
        var urls = provider.GetRequiredService<KoniferUrls>();

        await client.StoreAsync("signed/photo", new MemoryStream(TestImages.Gradient(60, 40)), new AssetMetadata { Alt = "signed" });
        Assert.Equal("signed", (await client.GetInfoAsync("signed/photo"))!.Alt); // a signed GET
        await using (var content = await client.GetContentAsync("signed/photo", new ImageTransformation { Width = 30 }))
            Assert.Equal("image/png", content!.ContentType);

        var url = urls.Content("signed/photo", new ImageTransformation { Width = 20, Format = ImageFormat.Webp });
        Assert.Contains("s=", url.Query, StringComparison.Ordinal);
        Assert.Equal(new ImageInfo("webpload", 20, 13), TestImages.Read(await _server.Client.GetByteArrayAsync(url)));
        foreach (var candidate in urls.Srcset("signed/photo", [10, 40]).Split(", "))
            Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync(new Uri(candidate.Split(' ')[0]))).StatusCode);

        // Unsigned, or signed with a key the server does not know: refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await _server.Client.GetAsync("/assets/signed/photo/-/content?w=20&format=webp")).StatusCode);
        var stranger = new KoniferUrls(_server.BaseAddress, new UrlSigner(SigningAlgorithm.HmacSha384, "some-other-key-0000000000"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _server.Client.GetAsync(stranger.Content("signed/photo"))).StatusCode);
        // The old key still verifies while the rotation lasts.
        var old = new KoniferUrls(_server.BaseAddress, new UrlSigner(SigningAlgorithm.HmacSha384, OldKey));
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync(old.Content("signed/photo"))).StatusCode);
    }

    [Fact]
    public async Task Signed_urls_with_an_expiry_are_served_until_it_passes()
    {
        var signer = new UrlSigner(SigningAlgorithm.HmacSha384, NewKey);
        var client = new KoniferClient(_server.Client);
        await client.StoreAsync("signed/exp", new MemoryStream(TestImages.Gradient(20, 20)));
        var urls = new KoniferUrls(_server.BaseAddress, signer, lifetime: TimeSpan.FromMinutes(5));

        var live = urls.Content("signed/exp");
        Assert.Contains("exp=", live.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync(live)).StatusCode);

        var expired = urls.Content("signed/exp", expiresAt: DateTimeOffset.UtcNow.AddSeconds(-5));
        using var refused = await _server.Client.GetAsync(expired);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("expired", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tag_helper_renders_signed_urls_the_server_serves()
    {
        var signer = new UrlSigner(SigningAlgorithm.HmacSha384, NewKey);
        using var http = new HttpClient(new UrlSigningHandler(signer) { InnerHandler = new HttpClientHandler() }) { BaseAddress = _server.BaseAddress };
        var client = new KoniferClient(http);
        await client.StoreAsync("signed/hero", new MemoryStream(TestImages.Gradient(80, 40)));
        var helper = new KoniferImageTagHelper(new ResponsiveImages(client, new KoniferUrls(_server.BaseAddress, signer))) { Path = "signed/hero", Widths = "20,40" };

        var output = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperOutput("konifer-img", [],
            (_, _) => Task.FromResult<Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContent>(new Microsoft.AspNetCore.Razor.TagHelpers.DefaultTagHelperContent()));
        await helper.ProcessAsync(new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext([], new Dictionary<object, object>(), "t"), output);

        var src = output.Attributes["src"].Value.ToString()!;
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync(new Uri(src))).StatusCode);
        foreach (var candidate in output.Attributes["srcset"].Value.ToString()!.Split(", "))
            Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync(new Uri(candidate.Split(' ')[0]))).StatusCode);
    }
}
