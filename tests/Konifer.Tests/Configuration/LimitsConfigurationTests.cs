using System.Net;
using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Core.Assets;
using Konifer.Hocon;
using Konifer.Paths;
using Konifer.Tests.TestSupport;
using Konifer.Transformations;

namespace Konifer.Tests.Configuration;

/// <summary>Sizes, pixel counts, <c>limits</c>, <c>transform.limits</c> and preprocessing as konifer.conf writes them.</summary>
public sealed class LimitsConfigurationTests
{
    private const string Stores = "data-store.provider = in-memory\nobject-store.provider = in-memory\n";

    private static KoniferConfiguration Read(string hocon) => KoniferConfigurationReader.Read(HoconParser.Parse(Stores + hocon));

    private static PathConfiguration Resolve(string hocon, string path) => Read(hocon).Paths.Resolve(AssetPath.Parse(path));

    private static ConfigurationException Fails(string hocon) => Assert.Throws<ConfigurationException>(() => Read(hocon));

    [Fact]
    public void Upload_sizes_default_to_20MB_and_take_the_references_units()
    {
        var defaults = Read("").Settings.Source;
        Assert.Equal((20_000_000L, 20_000_000L), (defaults.MultipartMaxBytes, defaults.UrlMaxBytes));

        var source = Read("source { multipart.max-bytes = 20MiB, url.max-bytes = \"5 MB\", max-pixels = 12MP }").Settings.Source;
        Assert.Equal((20_971_520L, 5_000_000L, 12_000_000L), (source.MultipartMaxBytes, source.UrlMaxBytes, source.MaxPixels));
    }

    [Fact]
    public void A_bad_size_stops_start_up_with_the_references_message_and_the_key()
    {
        Assert.Equal("source.multipart.max-bytes: Invalid byte size: 20 parsecs (use bytes or a size like 20MB or 20MiB)",
            Fails("source.multipart.max-bytes = 20 parsecs").Message);
        Assert.StartsWith("source.url.max-bytes: Byte size must be positive: 0", Fails("source.url.max-bytes = 0MB").Message);
        Assert.Equal("source.max-pixels: Invalid pixel count: many", Fails("source.max-pixels = many").Message);
    }

    [Fact]
    public async Task A_server_starts_with_max_bytes_in_MiB_and_keeps_to_it()
    {
        await using var server = await KoniferTestServer.StartAsync(Stores + "source.multipart.max-bytes = 20MiB");
        await server.Client.StoreAsync("/a", TestImages.Gradient(20, 10));

        await using var small = await KoniferTestServer.StartAsync(Stores + "source.multipart.max-bytes = 1KiB");
        using var response = await small.Client.PostAsync("/assets/a", AssetRequests.Multipart(TestImages.Gradient(300, 300, ".jpg[Q=100]")));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("source.multipart.max-bytes (1024 bytes)", await response.ProblemMessageAsync());
    }

    [Fact]
    public void Limits_default_to_the_references_and_are_inherited_key_by_key()
    {
        var unset = Resolve("", "/a");
        Assert.Equal(new SuppliedContentLimits(8192, 8192, 20_000_000, 20, 1_000_000), unset.Limits);
        Assert.Equal(new OutputSizeLimits(8192, 8192, 20_000_000), unset.TransformLimits);

        const string hocon = """
            paths {
              "/users/**" { limits { max-pixels = 12MP, max-width = 4000 }, transform.limits.max-pixels = "8.2944MP" }
              "/users/*/avatar" { limits { max-pages = 1, max-width = 1000 }, transform.limits { max-height = 2000 } }
            }
            """;
        Assert.Equal(new SuppliedContentLimits(1000, 8192, 12_000_000, 1, 1_000_000), Resolve(hocon, "/users/1/avatar").Limits);
        Assert.Equal(new OutputSizeLimits(8192, 2000, 8_294_400), Resolve(hocon, "/users/1/avatar").TransformLimits);
        Assert.Equal(new SuppliedContentLimits(4000, 8192, 12_000_000, 20, 1_000_000), Resolve(hocon, "/users/1/banner").Limits);
    }

    [Theory]
    [InlineData("limits.max-width = 0", "paths.\"/a\".limits.max-width: 0 is out of range")]
    [InlineData("limits.max-pages = many", "paths.\"/a\".limits.max-pages: 'many' is not a whole number")]
    [InlineData("limits.max-pixels = 12XP", "paths.\"/a\".limits.max-pixels: Invalid pixel count: 12XP")]
    [InlineData("limits.max-pixels-per-page = 1.5P", "paths.\"/a\".limits.max-pixels-per-page: Pixel count must resolve to a whole number within Long range: 1.5P")]
    [InlineData("transform.limits.max-pixels = -1MP", "paths.\"/a\".transform.limits.max-pixels: Pixel count must be positive: -1000000")]
    [InlineData("transform.limits.max-height = 0", "paths.\"/a\".transform.limits.max-height: 0 is out of range")]
    public void A_bad_limit_stops_start_up_naming_its_key(string line, string expected) =>
        Assert.StartsWith(expected, Fails($$"""paths { "/a" { {{line}} } }""").Message);

    [Theory]
    [InlineData("""transform { limits.max-width = 500, preprocessing { enabled = true, w = 600 } }""",
        "paths.\"/a\".transform.preprocessing: Preprocessing validation failed: width 600 must not exceed 500 limit")]
    [InlineData("""transform { limits.max-height = 500, preprocessing { enabled = true, clamp-height = 450, pad = 30 } }""",
        "paths.\"/a\".transform.preprocessing: Preprocessing validation failed: height 510 must not exceed 500 limit")]
    [InlineData("""transform { limits.max-pixels = 300KP, eager-variants = [ok, big] }""",
        "paths.\"/a\".transform.eager-variants: Eager variant 'big' validation failed: max image size exceeds configured maxPixels: 300000")]
    [InlineData("""transform { limits.max-width = 300, eager-variants = [wide] }""",
        "paths.\"/a\".transform.eager-variants: Eager variant 'wide' validation failed: width 900 must not exceed 300 limit")]
    public void Preprocessing_and_eager_variants_over_transform_limits_stop_start_up(string block, string expected)
    {
        var profiles = "variant-profiles { ok { w = 100, h = 100 }, big { w = 600, h = 600 }, wide { w = 900 } }\n";
        Assert.Equal(expected, Fails(profiles + $$"""paths { "/a" { {{block}} } }""").Message);
    }

    [Theory]
    [InlineData("""transform { limits.max-width = 500, preprocessing { enabled = false, w = 600 } }""")]
    [InlineData("""transform { limits.max-width = 500, preprocessing { enabled = true, w = 600, r = auto } }""")]
    [InlineData("""transform { limits.max-pixels = 300KP, eager-variants = [wide] }""")]
    [InlineData("""transform { limits.max-width = 500, preprocessing { enabled = true, h = 600 } }""")]
    public void What_the_configuration_alone_cannot_tell_is_left_to_the_upload(string block) =>
        Read("variant-profiles { wide { w = 900 } }\n" + $$"""paths { "/a" { {{block}} } }""");

    [Fact]
    public void The_limits_apply_to_an_inherited_eager_variant_too()
    {
        var error = Fails("""
            variant-profiles { big { w = 600 } }
            paths { "/**" { transform.eager-variants = [big] }, "/small/**" { transform.limits.max-width = 500 } }
            """);
        Assert.Equal("paths.\"/small/**\".transform.eager-variants: Eager variant 'big' validation failed: width 600 must not exceed 500 limit", error.Message);
    }

    [Fact]
    public void Preprocessing_parameters_sit_directly_in_the_block_with_the_older_spellings_as_aliases()
    {
        var current = Resolve("""paths { "/a" { transform.preprocessing { enabled = true, clamp-width = 1024, format = "image/avif", strip = [exif, xmp] } } }""", "/a");
        Assert.True(current.Preprocessing.Enabled);
        Assert.Equal(new Dictionary<string, string> { ["clamp-width"] = "1024", ["format"] = "image/avif", ["strip"] = "exif,xmp" },
            current.Preprocessing.Parameters);

        var legacy = Resolve("""paths { "/a" { transform.preprocessing { enabled = true, image { max-width = 300, max-height = 200, q = 80, w = 1 }, w = 2 } } }""", "/a");
        Assert.Equal(new Dictionary<string, string> { ["clamp-width"] = "300", ["clamp-height"] = "200", ["q"] = "80", ["w"] = "2" },
            legacy.Preprocessing.Parameters);

        var both = Resolve("""paths { "/a" { transform.preprocessing { clamp-width = 100, max-width = 300 } } }""", "/a");
        Assert.Equal("100", both.Preprocessing.Parameters["clamp-width"]);
        Assert.False(both.Preprocessing.Enabled);
    }

    [Fact]
    public void Preprocessing_parameters_are_inherited_one_by_one()
    {
        var child = Resolve("""
            paths {
              "/**" { transform.preprocessing { enabled = true, clamp-width = 1000, format = webp } }
              "/b/**" { transform.preprocessing { format = png, q = 90 } }
            }
            """, "/b/c");
        Assert.Equal(new Dictionary<string, string> { ["clamp-width"] = "1000", ["format"] = "png", ["q"] = "90" }, child.Preprocessing.Parameters);
        Assert.True(child.Preprocessing.Enabled);
    }

    [Theory]
    [InlineData("fit = sideways", "paths.\"/a\".transform.preprocessing.fit: 'sideways' is not a valid value for fit")]
    [InlineData("clamp-width = 0", "paths.\"/a\".transform.preprocessing.clamp-width: clamp-width=0 is out of range")]
    [InlineData("format = \"image/bmp\"", "paths.\"/a\".transform.preprocessing.format: 'image/bmp' is not a valid value for format")]
    [InlineData("wdth = 10", "paths.\"/a\".transform.preprocessing.wdth: 'wdth' is not a parameter of a preprocessing block")]
    public void A_bad_preprocessing_parameter_stops_start_up_naming_its_key(string line, string expected) =>
        Assert.StartsWith(expected, Fails($$"""paths { "/a" { transform.preprocessing { enabled = true, {{line}} } } }""").Message);

    [Fact]
    public void A_bad_parameter_of_the_older_image_block_names_that_block() =>
        Assert.StartsWith("paths.\"/a\".transform.preprocessing.image.q: '80.5' is not a valid value for q",
            Fails("""paths { "/a" { transform.preprocessing { image { q = 80.5 } } } }""").Message);
}
