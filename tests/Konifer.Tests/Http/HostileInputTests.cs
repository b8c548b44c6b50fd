using System.Diagnostics;
using System.Net;
using System.Text;
using Konifer.Core.Transformations;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>
/// Hostile uploads and request targets: each case asserts the exact status and that nothing was stored (no entry at
/// the path, no new file in the filesystem object store).
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;
    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await KoniferTestServer.StartAsync("""
        data-store.provider = in-memory
        object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
        source.multipart.max-bytes = 300000
        source.max-pixels = 4000000
        paths { "/ok/**" { limits.max-pages = 1000 } }
        """);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<string> RefusedUploadAsync(string path, byte[] bytes, HttpStatusCode expected = HttpStatusCode.BadRequest) =>
        StoredObjects.AssertNothingStoredAsync(_server, path, async () =>
        {
            using var response = await Client.PostAsync("/assets" + path, AssetRequests.Multipart(bytes));
            Assert.Equal(expected, response.StatusCode);
            return await response.ProblemMessageAsync();
        });

    [Fact]
    public async Task A_tiny_png_declaring_100000_by_100000_is_refused_fast_and_without_decoding()
    {
        var bomb = CraftedPng.Declaring(100_000, 100_000, rows: 1);
        Assert.True(bomb.Length < 4096, $"the bomb is {bomb.Length} bytes");
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var memoryBefore = process.WorkingSet64;
        var watch = Stopwatch.StartNew();

        var message = await RefusedUploadAsync("/hostile/bomb", bomb);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        process.Refresh();
        // Decoding would need 30 GB; a header read needs almost nothing.
        Assert.True(process.WorkingSet64 - memoryBefore < 256L * 1024 * 1024, $"working set grew by {(process.WorkingSet64 - memoryBefore) / 1048576} MB");
        Assert.Contains("100000x100000", message);
        Assert.Contains("source.max-dimension (16384)", message);
    }

    [Fact]
    public async Task A_canvas_within_the_side_limit_but_over_max_pixels_is_refused()
    {
        var message = await RefusedUploadAsync("/hostile/pixels", CraftedPng.Declaring(4000, 4000));
        Assert.Contains("source.max-pixels (4000000)", message);
    }

    [Fact]
    public async Task The_pixel_limit_counts_every_page_of_an_animation()
    {
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            source.max-pixels = 10000
            """);
        var gif = TestImages.AnimatedGif(50, 50, 5); // 2500 pixels a page, 12500 in all
        var message = await StoredObjects.AssertNothingStoredAsync(server, "/hostile/anim", async () =>
        {
            using var response = await server.Client.PostAsync("/assets/hostile/anim", AssetRequests.Multipart(gif));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
        Assert.Contains("5 pages", message);
        Assert.Equal(HttpStatusCode.Created, (await server.Client.PostAsync("/assets/ok/still", AssetRequests.Multipart(TestImages.Gradient(100, 100)))).StatusCode);
    }

    [Theory]
    [InlineData(".gif")]
    [InlineData(".webp")]
    public async Task An_animation_with_more_frames_than_max_frames_is_400_and_one_at_the_limit_is_stored(string suffix)
    {
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            source.max-frames = 40
            paths { "/ok/**" { limits.max-pages = 40 } }
            """);
        var message = await StoredObjects.AssertNothingStoredAsync(server, "/hostile/frames", async () =>
        {
            using var response = await server.Client.PostAsync("/assets/hostile/frames",
                AssetRequests.Multipart(TestImages.LongAnimation(2, 2, 41, suffix)));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
        Assert.Contains("41 frames", message);
        Assert.Contains("source.max-frames (40)", message);

        var stored = await server.Client.StoreAsync("/ok/frames", TestImages.LongAnimation(2, 2, 40, suffix));
        Assert.Equal(40, stored.GetProperty("variants")[0].GetProperty("attributes").GetProperty("pageCount").GetInt32());
    }

    [Fact]
    public async Task By_default_an_animation_of_1001_frames_is_400()
    {
        // The 4097-frame GIF of issue 14 cost minutes of a worker; the default bound is 1000 frames.
        var message = await RefusedUploadAsync("/hostile/frames", TestImages.LongAnimation(1, 1, 1001));
        Assert.Contains("source.max-frames (1000)", message);
        var stored = await Client.StoreAsync("/ok/frames", TestImages.LongAnimation(1, 1, 1000));
        Assert.Equal(1000, stored.GetProperty("variants")[0].GetProperty("attributes").GetProperty("pageCount").GetInt32());
    }

    [Fact]
    public async Task A_decode_that_outlasts_the_decode_timeout_is_400()
    {
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            source.decode-timeout = 1ms
            """);
        var large = Noise(2000, 2000, ".png");
        var message = await StoredObjects.AssertNothingStoredAsync(server, "/hostile/slow", async () =>
        {
            using var response = await server.Client.PostAsync("/assets/hostile/slow", AssetRequests.Multipart(large));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
        Assert.Contains("source.decode-timeout", message);
    }

    [Fact]
    public async Task A_crafted_png_that_is_within_the_limits_is_still_decoded_and_stored()
    {
        // The control for the bomb: the same writer with an honest size makes an image libvips accepts.
        var png = CraftedPng.Declaring(64, 16, rows: 16);
        var asset = await Client.StoreAsync("/hostile/honest", png);
        Assert.Equal(64, asset.GetProperty("variants")[0].GetProperty("attributes").GetProperty("width").GetInt32());
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".png")]
    [InlineData(".webp")]
    [InlineData(".gif")]
    [InlineData(".avif")]
    [InlineData(".heic")]
    [InlineData(".jxl")]
    public async Task Truncated_files_of_every_format_are_400(string suffix)
    {
        var whole = Noise(160, 120, suffix);
        var message = await RefusedUploadAsync("/hostile/truncated", whole[..(whole.Length / 2)]);
        Assert.Contains("truncated or corrupt", message);
    }

    [Fact]
    public async Task A_552_byte_jpeg_declaring_16000_by_16000_is_400_not_a_256_megapixel_asset()
    {
        // Issue 14: libjpeg only warns about the missing scan data and fills the canvas grey.
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            """);
        var liar = JpegDeclaring(TestImages.Gradient(64, 64, ".jpg"), 16000, 16000);
        Assert.True(liar.Length < 20_000, $"{liar.Length} bytes");
        var message = await StoredObjects.AssertNothingStoredAsync(server, "/hostile/liar", async () =>
        {
            using var response = await server.Client.PostAsync("/assets/hostile/liar", AssetRequests.Multipart(liar));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
        Assert.Contains("truncated or corrupt", message);
    }

    [Fact]
    public async Task A_jpeg_cut_in_its_scan_data_but_closed_with_an_end_marker_is_400()
    {
        var whole = Noise(400, 300, ".jpg");
        var cut = whole[..(whole.Length * 2 / 3)].Concat(new byte[] { 0xFF, 0xD9 }).ToArray();
        var message = await RefusedUploadAsync("/hostile/cut", cut);
        Assert.Contains("truncated or corrupt", message);
    }

    [Fact]
    public async Task A_jpeg_with_stray_bytes_between_markers_is_still_stored()
    {
        // libjpeg warns ("extraneous bytes before marker") but the image data is complete: not refused.
        var whole = Noise(160, 120, ".jpg");
        var afterFirstSegment = 4 + ((whole[4] << 8) | whole[5]); // SOI, then the first marker segment
        var stray = whole[..afterFirstSegment].Concat(new byte[] { 0, 0, 0 }).Concat(whole[afterFirstSegment..]).ToArray();
        var asset = await Client.StoreAsync("/ok/stray", stray);
        Assert.Equal(160, asset.GetProperty("variants")[0].GetProperty("attributes").GetProperty("width").GetInt32());
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".jpg[Q=95,interlace]")]
    [InlineData(".png")]
    [InlineData(".png[interlace]")]
    [InlineData(".webp")]
    [InlineData(".webp[lossless]")]
    [InlineData(".avif")]
    [InlineData(".heic")]
    [InlineData(".jxl")]
    [InlineData(".gif")]
    public async Task Valid_photos_of_every_format_pass_the_strict_decode(string suffix)
    {
        var asset = await Client.StoreAsync("/ok/photo", Noise(160, 120, suffix));
        Assert.Equal(120, asset.GetProperty("variants")[0].GetProperty("attributes").GetProperty("height").GetInt32());
    }

    [Theory]
    [InlineData(".gif")]
    [InlineData(".webp")]
    public async Task Valid_animations_pass_the_strict_decode(string suffix)
    {
        var asset = await Client.StoreAsync("/ok/animation", TestImages.LongAnimation(32, 24, 12, suffix));
        Assert.Equal(12, asset.GetProperty("variants")[0].GetProperty("attributes").GetProperty("pageCount").GetInt32());
    }

    /// <summary>The same JPEG with its frame header (SOF) rewritten to declare another size; the scan data stays.</summary>
    private static byte[] JpegDeclaring(byte[] jpeg, int width, int height)
    {
        var bytes = (byte[])jpeg.Clone();
        for (var i = 2; i + 9 < bytes.Length;)
        {
            Assert.Equal(0xFF, bytes[i]);
            var marker = bytes[i + 1];
            var length = (bytes[i + 2] << 8) | bytes[i + 3];
            if (marker is >= 0xC0 and <= 0xC2)
            {
                bytes[i + 5] = (byte)(height >> 8);
                bytes[i + 6] = (byte)height;
                bytes[i + 7] = (byte)(width >> 8);
                bytes[i + 8] = (byte)width;
                return bytes;
            }
            i += 2 + length;
        }
        throw new InvalidOperationException("no SOF marker");
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".png")]
    [InlineData(".webp")]
    [InlineData(".gif")]
    [InlineData(".avif")]
    [InlineData(".heic")]
    [InlineData(".jxl")]
    public async Task Files_with_wrong_magic_bytes_are_400(string suffix)
    {
        var bytes = TestImages.Gradient(32, 32, suffix);
        // Break the signature: for ISO-BMFF formats (AVIF, HEIC) and JPEG XL containers it sits after the box size.
        for (var i = 0; i < 12; i++) bytes[i] ^= 0x5A;
        var message = await RefusedUploadAsync("/hostile/magic", bytes);
        Assert.Contains("not a supported image", message);
    }

    [Fact]
    public async Task Jpeg_bytes_behind_a_png_signature_are_400()
    {
        var jpeg = TestImages.Gradient(32, 32, ".jpg");
        var disguised = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.Concat(jpeg).ToArray();
        await RefusedUploadAsync("/hostile/disguised", disguised);
    }

    [Fact]
    public async Task A_gif_header_followed_by_html_is_400()
    {
        var polyglot = Encoding.ASCII.GetBytes("GIF89a/*<html><script>alert(document.domain)</script></html>*/=0;");
        await RefusedUploadAsync("/hostile/gifar", polyglot);
    }

    [Theory]
    [InlineData(".gif", "<html><script>alert(1)</script></html>", "image/gif")]
    [InlineData(".png", "PK\u0003\u0004\u0014\0\0\0\0\0payload.txt", "image/png")]
    public async Task A_real_image_with_trailing_data_is_accepted_and_served_as_the_sniffed_image_type(string suffix, string trailer, string mediaType)
    {
        // Documented choice: the bytes decode as the image, and they are only ever served with the image's type.
        var bytes = TestImages.Gradient(40, 20, suffix).Concat(Encoding.ASCII.GetBytes(trailer)).ToArray();
        await Client.StoreAsync("/hostile/polyglot" + suffix[1..], bytes);
        using var response = await Client.GetAsync("/assets/hostile/polyglot" + suffix[1..] + "/-/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var served = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((40, 20), (TestImages.Read(served).Width, TestImages.Read(served).Height));
    }

    [Theory]
    [InlineData("/assets/hostile/../victim")]
    [InlineData("/assets/hostile/./victim")]
    [InlineData("/assets/hostile/%2e%2e/victim")]
    [InlineData("/assets/hostile/%2E%2E/victim")]
    [InlineData("/assets/hostile%2Fvictim")]
    [InlineData("/assets/hostile/vict%69m")]
    public async Task Traversal_and_percent_encoding_in_paths_are_400_for_every_method(string target)
    {
        var uri = new Uri(_server.BaseAddress + target.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        Assert.Equal(target, uri.PathAndQuery);
        var before = StoredObjects.Count(_server);
        using (var store = await Client.PostAsync(uri, AssetRequests.Multipart(TestImages.Solid(4, 4, 0, 0, 0))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, store.StatusCode);
            var message = await store.ProblemMessageAsync();
            Assert.True(message.Contains("percent-encoding") || message.Contains("relative segment"), message);
        }
        using (var fetch = await Client.GetAsync(uri)) Assert.Equal(HttpStatusCode.BadRequest, fetch.StatusCode);
        using (var delete = await Client.DeleteAsync(uri)) Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal(before, StoredObjects.Count(_server));
        foreach (var path in new[] { "/victim", "/hostile/victim", "/hostile" })
        {
            using var info = await Client.GetAsync("/assets" + path + "/-/info");
            Assert.Equal(HttpStatusCode.NotFound, info.StatusCode);
        }
    }

    [Fact]
    public async Task An_encoded_nul_is_refused_by_kestrel_before_routing()
    {
        var uri = new Uri(_server.BaseAddress + "assets/hostile/victim%00", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var before = StoredObjects.Count(_server);
        using var response = await Client.PostAsync(uri, AssetRequests.Multipart(TestImages.Solid(4, 4, 0, 0, 0)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, StoredObjects.Count(_server));
    }

    [Fact]
    public async Task Percent_encoding_in_the_query_is_still_allowed()
    {
        await Client.StoreAsync("/hostile/labelled", TestImages.Solid(4, 4, 0, 0, 0), new { labels = new { city = "São Paulo" } });
        var info = await Client.GetJsonAsync("/assets/hostile/labelled/-/info?city=S%C3%A3o%20Paulo");
        Assert.Equal("São Paulo", info.GetProperty("labels").GetProperty("city").GetString());
    }

    [Fact]
    public async Task An_over_long_path_is_400()
    {
        var path = "/hostile/" + string.Join('/', Enumerable.Repeat(new string('a', 200), 6));
        var before = StoredObjects.Count(_server);
        using var response = await Client.PostAsync("/assets" + path, AssetRequests.Multipart(TestImages.Solid(4, 4, 0, 0, 0)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("longer than 1024", await response.ProblemMessageAsync());
        Assert.Equal(before, StoredObjects.Count(_server));
    }

    [Fact]
    public async Task An_oversized_multipart_body_is_413()
    {
        var message = await RefusedUploadAsync("/hostile/huge", new byte[400_000], HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("source.multipart.max-bytes", message);
    }

    [Fact]
    public async Task An_oversized_json_body_is_413()
    {
        await StoredObjects.AssertNothingStoredAsync(_server, "/hostile/json", async () =>
        {
            using var response = await Client.PostAsync("/assets/hostile/json", AssetRequests.Json(new { url = "https://example.com/" + new string('a', 70_000) }));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
    }

    /// <summary>Random pixels: they do not compress, so half a file is missing real image data in every format.</summary>
    private static byte[] Noise(int width, int height, string suffix)
    {
        using var noise = NetVips.Image.Gaussnoise(width, height, mean: 128, sigma: 60);
        using var rgb = noise.Bandjoin(noise.Rot180().Crop(0, 0, width, height), noise.Flip(NetVips.Enums.Direction.Horizontal))
            .Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        return rgb.WriteToBuffer(suffix);
    }
}
