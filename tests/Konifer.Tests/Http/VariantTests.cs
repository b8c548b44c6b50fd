using System.Net;
using System.Net.Http.Headers;
using Konifer.Core.Images;
using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Tests.Http;

public sealed class VariantTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;
    private HttpClient Client => _server.Client;

    public async Task InitializeAsync()
    {
        _server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            variant-profiles {
              thumb { w = 32, h = 32, fit = fill, format = webp }
            }
            paths {
              "/lqip/**" { image.lqip = [blurhash, thumbhash] }
              "/eager/**" { transform.eager-variants = [thumb] }
              "/pre/**" { transform.preprocessing { enabled = true, image { max-width = 100, format = webp } } }
              "/profiles-only/**" { transform.on-demand-variant.mode = profile_only }
              "/no-demand/**" { transform { on-demand-variant.mode = disabled, eager-variants = [thumb] } }
            }
            """);
        await Client.StoreAsync("/photos/wide", TestImages.Gradient(400, 200));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<(HttpResponseMessage Response, byte[] Bytes)> Get(HttpClient client, string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static Image Decode(byte[] bytes) => Image.NewFromBuffer(bytes);

    [Fact]
    public async Task First_request_generates_later_ones_serve_the_same_variant()
    {
        var (miss, first) = await Get(Client, "/assets/photos/wide/-/content?w=100&format=webp");
        Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        Assert.Equal("miss", miss.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal("image/webp", miss.Content.Headers.ContentType?.MediaType);
        using (var image = Decode(first))
        {
            Assert.Equal((100, 50), (image.Width, image.Height));
            Assert.StartsWith("webpload", (string)image.Get("vips-loader"));
        }

        var (hit, second) = await Get(Client, "/assets/photos/wide/-/content?format=webp&w=100&h=50");
        Assert.Equal("hit", hit.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Equivalent_requests_share_one_variant_shown_in_info_with_its_transformation()
    {
        await Client.StoreAsync("/photos/flip", TestImages.Gradient(60, 30));
        var (first, bytes) = await Get(Client, "/assets/photos/flip/-/content?f=v");
        Assert.Equal("miss", first.Headers.GetValues("K-Cache-Status").Single());
        var (second, _) = await Get(Client, "/assets/photos/flip/-/content?f=h&r=180");
        Assert.Equal("hit", second.Headers.GetValues("K-Cache-Status").Single());

        // Flipped vertically: the gradient runs left to right still, so the left column stays red.
        using (var image = Decode(bytes)) Assert.True(image.Getpoint(0, 15)[0] > 200);

        var info = await Client.GetJsonAsync("/assets/photos/flip/-/info");
        var variants = info.GetProperty("variants").EnumerateArray().ToArray();
        Assert.Equal(2, variants.Length);
        var variant = variants.Single(v => !v.GetProperty("isOriginalVariant").GetBoolean());
        var transformation = variant.GetProperty("transformation");
        Assert.Equal("one_hundred_eighty", transformation.GetProperty("rotate").GetString());
        Assert.Equal("h", transformation.GetProperty("flip").GetString());
        Assert.Equal(60, transformation.GetProperty("width").GetInt32());
        Assert.Equal("png", transformation.GetProperty("format").GetString());
        Assert.False(variants.Single(v => v.GetProperty("isOriginalVariant").GetBoolean()).TryGetProperty("transformation", out _)); // null is left out (SPEC-LATEST §3.2)
    }

    [Fact]
    public async Task Accept_chooses_the_format_when_none_is_named()
    {
        var (avif, bytes) = await Get(Client, "/assets/photos/wide/-/content?w=40", "image/avif,image/webp,*/*;q=0.8");
        Assert.Equal("image/avif", avif.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", avif.Headers.Vary);
        using (var image = Decode(bytes)) Assert.Equal((40, 20), (image.Width, image.Height));

        var (original, _) = await Get(Client, "/assets/photos/wide/-/content?w=40", "image/*");
        Assert.Equal("image/png", original.Content.Headers.ContentType?.MediaType);

        var (refused, _) = await Get(Client, "/assets/photos/wide/-/content?w=40", "text/html");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Theory]
    [InlineData("w=abc", "w")]
    [InlineData("fit=squash", "fit")]
    [InlineData("q=0", "q")]
    [InlineData("blur=151", "blur")]
    [InlineData("fit=fill&w=10", "h")]
    [InlineData("r=auto&f=h", "r=auto")]
    [InlineData("profile=nope", "nope")]
    [InlineData("pad-c=red&pad=2", "pad-c")]
    public async Task Bad_parameters_are_400_naming_them(string query, string named)
    {
        var (response, _) = await Get(Client, "/assets/photos/wide/-/content?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.ProblemMessageAsync());
    }

    [Fact]
    public async Task Concurrent_identical_requests_generate_one_variant()
    {
        await Client.StoreAsync("/photos/burst", TestImages.Gradient(300, 300, ".jpg"));
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Get(Client, "/assets/photos/burst/-/content?w=77&format=webp")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode));
        Assert.Single(responses.Select(r => Convert.ToBase64String(r.Bytes)).Distinct());
        var info = await Client.GetJsonAsync("/assets/photos/burst/-/info");
        Assert.Equal(2, info.GetProperty("variants").GetArrayLength());
    }

    [Fact]
    public async Task Link_carries_the_canonical_query_that_serves_the_variant()
    {
        var link = await Client.GetJsonAsync("/assets/photos/wide/-/link?w=120&format=jpg&filter=grayscale");
        var url = new Uri(link.GetProperty("url").GetString()!);
        Assert.Contains("w=120", url.Query);
        Assert.Contains("format=jpg", url.Query);
        var (response, bytes) = await Get(Client, url.PathAndQuery);
        Assert.Equal("hit", response.Headers.GetValues("K-Cache-Status").Single());
        using var image = Decode(bytes);
        Assert.Equal((120, 60), (image.Width, image.Height));
        var pixel = image.Getpoint(10, 30);
        Assert.InRange(Math.Abs(pixel[0] - pixel[2]), 0, 8);
    }

    [Fact]
    public async Task Download_of_a_variant_names_the_file_with_the_variant_extension()
    {
        var (response, _) = await Get(Client, "/assets/photos/wide/-/download?format=webp&w=10");
        Assert.Equal("wide.webp", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Placeholders_are_computed_for_originals_and_variants_and_sent_as_headers()
    {
        var stored = await Client.StoreAsync("/lqip/a", TestImages.Solid(64, 48, 200, 20, 20));
        var lqip = stored.GetProperty("variants")[0].GetProperty("lqip");
        var blurhash = lqip.GetProperty("blurhash").GetString();
        Assert.False(string.IsNullOrEmpty(blurhash));
        Assert.False(string.IsNullOrEmpty(lqip.GetProperty("thumbhash").GetString()));
        // A solid red image decodes to a red placeholder.
        var decoded = Konifer.LqipEncoders.BlurHash.Decode(blurhash!, 4, 4);
        Assert.True(decoded[0] > 150 && decoded[1] < 80 && decoded[2] < 80);

        var (content, _) = await Get(Client, "/assets/lqip/a/-/content?r=90");
        Assert.False(string.IsNullOrEmpty(content.Headers.GetValues("K-LQIP-Blurhash").Single()));
        Assert.False(string.IsNullOrEmpty(content.Headers.GetValues("K-LQIP-Thumbhash").Single()));
        var link = await Client.GetJsonAsync("/assets/lqip/a");
        Assert.Equal(blurhash, link.GetProperty("lqip").GetProperty("blurhash").GetString());

        var (noLqip, _) = await Get(Client, "/assets/photos/wide/-/content");
        Assert.False(noLqip.Headers.Contains("K-LQIP-Blurhash"));
    }

    [Fact]
    public async Task Eager_variants_are_generated_after_upload_and_then_served_as_hits()
    {
        await Client.StoreAsync("/eager/a", TestImages.Gradient(200, 100));
        await Eventually(async () => (await Client.GetJsonAsync("/assets/eager/a/-/info")).GetProperty("variants").GetArrayLength() == 2);
        var (response, bytes) = await Get(Client, "/assets/eager/a/-/content?profile=thumb");
        Assert.Equal("hit", response.Headers.GetValues("K-Cache-Status").Single());
        using var image = Decode(bytes);
        Assert.Equal((32, 32), (image.Width, image.Height));
    }

    [Fact]
    public async Task Preprocessing_turns_the_upload_into_the_original()
    {
        var stored = await Client.StoreAsync("/pre/a", TestImages.Gradient(400, 100));
        var attributes = stored.GetProperty("variants")[0].GetProperty("attributes");
        Assert.Equal(("webp", 100, 25), (attributes.GetProperty("format").GetString(), attributes.GetProperty("width").GetInt32(), attributes.GetProperty("height").GetInt32()));
        var (response, bytes) = await Get(Client, "/assets/pre/a/-/content");
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        using var image = Decode(bytes);
        Assert.Equal((100, 25), (image.Width, image.Height));

        // Small uploads are not enlarged.
        var small = await Client.StoreAsync("/pre/b", TestImages.Gradient(50, 20));
        Assert.Equal(50, small.GetProperty("variants")[0].GetProperty("attributes").GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task On_demand_modes_refuse_what_they_must()
    {
        await Client.StoreAsync("/profiles-only/a", TestImages.Gradient(64, 64));
        var (explicitParams, _) = await Get(Client, "/assets/profiles-only/a/-/content?w=10");
        Assert.Equal(HttpStatusCode.BadRequest, explicitParams.StatusCode);
        Assert.Contains("profile_only", await explicitParams.ProblemMessageAsync());
        var (profile, _) = await Get(Client, "/assets/profiles-only/a/-/content?profile=thumb");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var link = await Client.GetJsonAsync("/assets/profiles-only/a?profile=thumb");
        Assert.EndsWith("?profile=thumb", link.GetProperty("url").GetString());

        await Client.StoreAsync("/no-demand/a", TestImages.Gradient(64, 64));
        var (adHoc, _) = await Get(Client, "/assets/no-demand/a/-/content?w=10");
        Assert.Equal(HttpStatusCode.BadRequest, adHoc.StatusCode);
        Assert.Contains("disabled", await adHoc.ProblemMessageAsync());
        var (eager, _) = await Get(Client, "/assets/no-demand/a/-/content?profile=thumb");
        Assert.Equal(HttpStatusCode.OK, eager.StatusCode);
    }

    [Fact]
    public async Task Animated_gif_keeps_its_frames_as_webp_and_becomes_still_as_jpg()
    {
        await Client.StoreAsync("/photos/anim", TestImages.AnimatedGif(40, 30, 4));
        var (_, webp) = await Get(Client, "/assets/photos/anim/-/content?format=webp&w=20");
        using (var image = Image.NewFromBuffer(webp, "n=-1"))
        {
            Assert.Equal(4, (int)image.Get("n-pages"));
            Assert.Equal(15, image.PageHeight);
        }
        var (_, jpg) = await Get(Client, "/assets/photos/anim/-/content?format=jpg");
        using (var still = Decode(jpg)) Assert.Equal((40, 30), (still.Width, still.Height));
    }

    private static Task Eventually(Func<Task<bool>> condition) =>
        TestSupport.Eventually.UntilAsync(condition, done => done, TimeSpan.FromSeconds(30), "The eager variant");

    [Fact]
    public async Task Auto_rotation_turns_an_exif_orientation_6_photo_upright()
    {
        // Stored 40×20 with the red mark top-left; orientation 6 means "display turned 90° clockwise".
        var stored = await Client.StoreAsync("/photos/exif", Konifer.Tests.Imaging.PipelineImages.JpegWithExifOrientation(40, 20, 6));
        Assert.Equal(40, stored.GetProperty("variants")[0].GetProperty("attributes").GetProperty("width").GetInt32());

        var (response, bytes) = await Get(Client, "/assets/photos/exif/-/content?r=auto");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var upright = Decode(bytes);
        Assert.Equal((20, 40), (upright.Width, upright.Height));
        Assert.True(!upright.Contains("orientation") || (int)upright.Get("orientation") == 1);
        // The mark moved from the top-left to the top-right corner.
        var topRight = upright.Getpoint(17, 2);
        Assert.True(topRight[0] > 180 && topRight[2] < 90, $"top-right is {string.Join(",", topRight)}");
    }
}
