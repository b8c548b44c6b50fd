using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>
/// Issue 12: a rule <c>"/star/*"</c> names exactly one segment below <c>/star</c>; a deeper path falls back to the
/// root's settings instead of inheriting it (it used to, through the parent <c>/star/a</c>).
/// </summary>
public sealed class SingleSegmentWildcardTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;
    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync("""
        data-store.provider = in-memory
        object-store.provider = in-memory
        paths {
          "/**" { allowed-content-types = ["image/png"] }
          "/star/*" {
            allowed-content-types = ["image/jpeg"]
            transform.on-demand-variant.mode = disabled
          }
        }
        """);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_rule_applies_one_segment_below_star()
    {
        await Client.StoreAsync("/star/a", TestImages.Gradient(20, 10, ".jpg"));
        using var png = await Client.PostAsync("/assets/star/a", AssetRequests.Multipart(TestImages.Gradient(20, 10, ".png")));
        Assert.Equal(HttpStatusCode.Forbidden, png.StatusCode);
        using var variant = await Client.GetAsync("/assets/star/a/-/content?w=10");
        Assert.Equal(HttpStatusCode.BadRequest, variant.StatusCode);
    }

    [Fact]
    public async Task Two_segments_below_star_get_the_roots_settings()
    {
        using var jpeg = await Client.PostAsync("/assets/star/a/b", AssetRequests.Multipart(TestImages.Gradient(20, 10, ".jpg")));
        Assert.Equal(HttpStatusCode.Forbidden, jpeg.StatusCode);
        await Client.StoreAsync("/star/a/b", TestImages.Gradient(20, 10, ".png"));
        using var variant = await Client.GetAsync("/assets/star/a/b/-/content?w=10");
        Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
        var image = TestImages.Read(await variant.Content.ReadAsByteArrayAsync());
        Assert.Equal((10, 5), (image.Width, image.Height));
    }
}
