using System.Net;
using System.Text.Json;
using NetVips;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// Path <c>limits</c>, <c>transform.limits</c> and preprocessing over HTTP, as a user sees them: refusals with the
/// reference's messages and nothing stored, and the stored originals decoded. Shared by the tests of every store
/// configuration (see <see cref="Config"/>), so each runs the same steps and the same checks.
/// </summary>
public static class LimitsWalk
{
    /// <summary>The konifer.conf text the walk needs on top of the stores.</summary>
    public const string Config = """
        source.url.allowed-domains = ["127.0.0.1"]
        variant-profiles { small { w = 100 }, framed { pad = 200 } }
        paths {
          "/limited/**" { limits { max-width = 1000, max-height = 800, max-pixels = 600KP, max-pages = 3, max-pixels-per-page = 1000 } }
          "/limited/avatar/**" { limits { max-pages = 1, max-pixels = 0.3MP } }
          "/out/**" {
            transform { limits { max-width = 1200, max-height = 600, max-pixels = 500KP }, eager-variants = [small, framed] }
          }
          "/pre/**" { transform.preprocessing { enabled = true, clamp-width = 300, clamp-height = 300, format = "image/webp" } }
          "/pre-legacy/**" { transform.preprocessing { enabled = true, image { format = png, max-width = 80 }, max-width = 50 } }
          "/pre-w/**" { transform.preprocessing { enabled = true, clamp-height = 100, w = 2000 } }
          "/pre-up/**" { transform.preprocessing { enabled = true, w = 500 } }
          "/pre-over/**" { transform { preprocessing { enabled = true, pad = 100 }, limits.max-width = 500 } }
          "/pre-off/**" { transform.preprocessing { enabled = false, w = 10 } }
        }
        """;

    /// <summary><c>limits</c> on uploads: each check in the reference's order and message, and the per-key inheritance.</summary>
    public static async Task SuppliedContentAsync(HttpClient client)
    {
        await RefusedAsync(client, "/limited/wide", Black(1001, 10), "Content with dimensions (10, 1001) exceeds maximum defined dimensions");
        await RefusedAsync(client, "/limited/tall", Black(10, 801), "Content with dimensions (801, 10) exceeds maximum defined dimensions");
        await RefusedAsync(client, "/limited/big", Black(900, 700), "Content with pixel count 630000 exceeds maximum pixel amount");
        await client.StoreAsync("/limited/fits", Black(700, 700)); // 490 000 px: max-pixels is for still images

        await RefusedAsync(client, "/limited/anim-page", TestImages.AnimatedGif(40, 30, 2), "Content with pixel count 1200 exceeds maximum pixel amount");
        await RefusedAsync(client, "/limited/anim-long", TestImages.AnimatedGif(20, 20, 4), "Animated content with page count 4 exceeds maximum defined page count");
        var animated = await client.StoreAsync("/limited/anim", TestImages.AnimatedGif(20, 20, 3));
        Assert.Equal(3, animated.GetProperty("variants")[0].GetProperty("attributes").GetProperty("pageCount").GetInt32());

        // /limited/avatar/** sets two keys and inherits the others from /limited/**.
        await RefusedAsync(client, "/limited/avatar/1", TestImages.AnimatedGif(20, 20, 2), "Animated content with page count 2 exceeds maximum defined page count");
        await RefusedAsync(client, "/limited/avatar/2", Black(600, 600), "Content with pixel count 360000 exceeds maximum pixel amount");
        await RefusedAsync(client, "/limited/avatar/3", Black(1001, 1), "Content with dimensions (1, 1001) exceeds maximum defined dimensions");
        await client.StoreAsync("/limited/avatar/4", Black(500, 500));

        // Elsewhere the reference's defaults: 8192 px a side, 20 MP.
        await RefusedAsync(client, "/default/wide", Black(8193, 8), "Content with dimensions (8, 8193) exceeds maximum defined dimensions");
        await RefusedAsync(client, "/default/big", Black(5000, 4001), "Content with pixel count 20005000 exceeds maximum pixel amount");
        await client.StoreAsync("/default/fits", Black(8192, 8));
    }

    /// <summary>A URL source is held to the same limits, and nothing is stored.</summary>
    public static async Task UrlSourceAsync(HttpClient client)
    {
        await using var origin = await OriginServer.StartAsync(Black(1001, 10));
        using var response = await client.PostAsync("/assets/limited/remote", AssetRequests.Json(new { url = origin.Url("/image.png") }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Content with dimensions (10, 1001) exceeds maximum defined dimensions", await response.ProblemMessageAsync());
        await AssertNoEntryAsync(client, "/limited/remote");
    }

    /// <summary><c>transform.limits</c>: output size after rotation and with padding; eager variants over it are skipped.</summary>
    public static async Task TransformationAsync(HttpClient client)
    {
        await client.StoreAsync("/out/photo", TestImages.Gradient(1000, 500));

        await AssertContentAsync(client, "/out/photo/-/content?format=webp", "webpload", 1000, 500); // 500 000 px: at the limit
        await AssertContentAsync(client, "/out/photo/-/content?w=800&pad=50", "pngload", 900, 500);
        await InvalidAsync(client, "/out/photo/-/content?w=1201");            // 1201 px wide
        await InvalidAsync(client, "/out/photo/-/content?h=600");             // 1200×600 = 720 000 px
        await InvalidAsync(client, "/out/photo/-/content?r=90&format=webp");  // 500×1000: the height, after rotation
        await InvalidAsync(client, "/out/photo/-/content?w=800&pad=101");     // 1002×602 with the padding
        await InvalidAsync(client, "/out/photo/-/link?w=1201");

        // The eager small variant is made; framed (1400×900 with its padding) is skipped, and refused on demand too.
        await Eventually.UntilAsync(async () =>
        {
            using var response = await client.GetAsync("/assets/out/photo/-/content?profile=small");
            return response.Headers.TryGetValues("K-Cache-Status", out var status) ? status.Single() : "";
        }, status => status == "hit", TimeSpan.FromSeconds(20), "The eager variant small");
        await InvalidAsync(client, "/out/photo/-/content?profile=framed");
        var info = await client.GetJsonAsync("/assets/out/photo/-/info");
        var sizes = info.GetProperty("variants").EnumerateArray().Select(Size).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["1000x500", "1000x500", "100x50", "900x500"], sizes); // original, webp, small, padded
        // The original itself is never checked.
        await AssertContentAsync(client, "/out/photo/-/content", "pngload", 1000, 500);

        // An original over the output limit (1100×500 = 550 000 px): a conversion only Accept asks for serves the
        // original instead of failing the read; the same conversion asked for by name is refused.
        await client.StoreAsync("/out/large", TestImages.Gradient(1100, 500));
        await AssertContentAsync(client, "/out/large/-/content", "pngload", 1100, 500, accept: "image/webp");
        await AssertContentAsync(client, "/out/photo/-/content", "webpload", 1000, 500, accept: "image/webp");
        await InvalidAsync(client, "/out/large/-/content?format=webp");
    }

    /// <summary>Preprocessing's parameters directly in the block, the clamps, the older spellings and the limits.</summary>
    public static async Task PreprocessingAsync(HttpClient client)
    {
        await StoredAsync(client, "/pre/large", TestImages.Gradient(600, 400), "webpload", 300, 200);
        await StoredAsync(client, "/pre/small", TestImages.Gradient(200, 100), "webpload", 200, 100); // inside the clamps: not enlarged
        await StoredAsync(client, "/pre-legacy/a", TestImages.Gradient(200, 100, ".jpg"), "pngload", 50, 25); // direct max-width wins over image's
        await StoredAsync(client, "/pre-w/a", TestImages.Gradient(400, 200), "pngload", 200, 100); // box 2000×100, downscale only
        await StoredAsync(client, "/pre-w/b", TestImages.Gradient(100, 50), "pngload", 100, 50);   // a clamp forbids enlarging w
        await StoredAsync(client, "/pre-up/a", TestImages.Gradient(100, 50), "pngload", 500, 250); // no clamp: w enlarges
        await StoredAsync(client, "/pre-off/a", TestImages.Gradient(100, 50), "pngload", 100, 50); // disabled: w ignored

        using var over = await client.PostAsync("/assets/pre-over/a", AssetRequests.Multipart(TestImages.Gradient(400, 100)));
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("Invalid transformation", await over.ProblemMessageAsync());
        await AssertNoEntryAsync(client, "/pre-over/a");
    }

    /// <summary>A PNG of <paramref name="width"/>×<paramref name="height"/> black pixels (small even when huge).</summary>
    public static byte[] Black(int width, int height)
    {
        using var black = Image.Black(width, height);
        return black.PngsaveBuffer(compression: 9);
    }

    private static string Size(JsonElement variant)
    {
        var attributes = variant.GetProperty("attributes");
        return $"{attributes.GetProperty("width").GetInt32()}x{attributes.GetProperty("height").GetInt32()}";
    }

    private static async Task RefusedAsync(HttpClient client, string path, byte[] image, string message)
    {
        using var response = await client.PostAsync("/assets" + path, AssetRequests.Multipart(image));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.ProblemMessageAsync());
        await AssertNoEntryAsync(client, path);
    }

    private static async Task AssertNoEntryAsync(HttpClient client, string path)
    {
        using var info = await client.GetAsync("/assets" + path + "/-/info");
        Assert.Equal(HttpStatusCode.NotFound, info.StatusCode);
    }

    private static async Task InvalidAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync("/assets" + url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid transformation", await response.ProblemMessageAsync());
    }

    private static async Task AssertContentAsync(HttpClient client, string url, string loader, int width, int height, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets" + url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new ImageInfo(loader, width, height), TestImages.Read(await response.Content.ReadAsByteArrayAsync()));
    }

    private static async Task StoredAsync(HttpClient client, string path, byte[] upload, string loader, int width, int height)
    {
        await client.StoreAsync(path, upload);
        await AssertContentAsync(client, path + "/-/content", loader, width, height);
    }
}
