using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Transformations;

namespace Konifer.Tests.Transformations;

public class TransformationRequestTests
{
    private static RequestedTransformation Parse(params (string Key, string Value)[] query) =>
        TransformationRequest.Parse(query.ToDictionary(p => p.Key, p => p.Value));

    public static TheoryData<string, string, RequestedTransformation> ValidValues => new()
    {
        { "w", "1", new() { Width = 1 } },
        { "w", "8192", new() { Width = 8192 } },
        { "h", "250", new() { Height = 250 } },
        { "fit", "fit", new() { Fit = Fit.Fit } },
        { "fit", "FILL", new() { Fit = Fit.Fill } },
        { "fit", "stretch", new() { Fit = Fit.Stretch } },
        { "fit", "crop", new() { Fit = Fit.Crop } },
        { "g", "center", new() { Gravity = Gravity.Center } },
        { "g", "entropy", new() { Gravity = Gravity.Entropy } },
        { "g", "Attention", new() { Gravity = Gravity.Attention } },
        { "format", "png", new() { Format = ImageFormat.Png } },
        { "format", "jpg", new() { Format = ImageFormat.Jpeg } },
        { "format", "webp", new() { Format = ImageFormat.Webp } },
        { "format", "avif", new() { Format = ImageFormat.Avif } },
        { "format", "jxl", new() { Format = ImageFormat.Jxl } },
        { "format", "heic", new() { Format = ImageFormat.Heic } },
        { "format", "GIF", new() { Format = ImageFormat.Gif } },
        { "r", "0", new() { Rotate = RequestedRotation.Zero } },
        { "r", "90", new() { Rotate = RequestedRotation.Ninety } },
        { "r", "180", new() { Rotate = RequestedRotation.OneHundredEighty } },
        { "r", "270", new() { Rotate = RequestedRotation.TwoHundredSeventy } },
        { "r", "AUTO", new() { Rotate = RequestedRotation.Auto } },
        { "f", "h", new() { Flip = Flip.H } },
        { "f", "V", new() { Flip = Flip.V } },
        { "f", "none", new() { Flip = Flip.None } },
        { "filter", "none", new() { Filter = Filter.None } },
        { "filter", "black_white", new() { Filter = Filter.BlackWhite } },
        { "filter", "grayscale", new() { Filter = Filter.Grayscale } },
        { "filter", "greyscale", new() { Filter = Filter.Grayscale } },
        { "filter", "sepia", new() { Filter = Filter.Sepia } },
        { "blur", "0", new() { Blur = 0 } },
        { "blur", "150", new() { Blur = 150 } },
        { "q", "1", new() { Quality = 1 } },
        { "q", "100", new() { Quality = 100 } },
        { "pad", "0", new() { Pad = 0 } },
        { "pad", "12", new() { Pad = 12 } },
        { "pad-c", "#f00", new() { PadColor = new Rgba(255, 0, 0, 255) } },
        { "pad-c", "#F008", new() { PadColor = new Rgba(255, 0, 0, 0x88) } },
        { "pad-c", "#12aB9f", new() { PadColor = new Rgba(0x12, 0xAB, 0x9F, 255) } },
        { "pad-c", "#12ab9f40", new() { PadColor = new Rgba(0x12, 0xAB, 0x9F, 0x40) } },
        { "strip", "exif", new() { Strip = MetadataStrip.Exif } },
        { "strip", "xmp, IPTC", new() { Strip = MetadataStrip.Xmp | MetadataStrip.Iptc } },
        { "strip", "exif,iptc,xmp,exif", new() { Strip = MetadataStrip.Exif | MetadataStrip.Iptc | MetadataStrip.Xmp } },
        { "cs", "origin", new() { ColorSpace = ColorSpace.Origin } },
        { "cs", "grayscale", new() { ColorSpace = ColorSpace.Grayscale } },
        { "cs", "srgb", new() { ColorSpace = ColorSpace.Srgb } },
        { "cs", "p3", new() { ColorSpace = ColorSpace.P3 } },
        { "profile", "thumb", new() { Profile = "thumb" } },
    };

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void Every_parameter_reads_its_values(string key, string value, RequestedTransformation expected)
    {
        Assert.Equal(expected, Parse((key, value)));
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "w", "0", "w=0 is out of range: expected an integer from 1 to 8192." },
        { "w", "8193", "w=8193 is out of range: expected an integer from 1 to 8192." },
        { "w", "-5", "w=-5 is out of range: expected an integer from 1 to 8192." },
        { "w", "99999999999999999999", "w=99999999999999999999 is out of range: expected an integer from 1 to 8192." },
        { "w", "abc", "'abc' is not a valid value for w: expected an integer from 1 to 8192." },
        { "w", "", "'' is not a valid value for w: expected an integer from 1 to 8192." },
        { "w", "10.5", "'10.5' is not a valid value for w: expected an integer from 1 to 8192." },
        { "h", "0", "h=0 is out of range: expected an integer from 1 to 8192." },
        { "h", "1e3", "'1e3' is not a valid value for h: expected an integer from 1 to 8192." },
        { "fit", "contain", "'contain' is not a valid value for fit: expected one of fit, fill, stretch, crop." },
        { "g", "north", "'north' is not a valid value for g: expected one of center, entropy, attention." },
        { "format", "bmp", "'bmp' is not a valid value for format: expected one of jpg, png, webp, avif, jxl, heic, gif." },
        { "r", "45", "'45' is not a valid value for r: expected one of 0, 90, 180, 270, auto." },
        { "r", "-90", "'-90' is not a valid value for r: expected one of 0, 90, 180, 270, auto." },
        { "f", "x", "'x' is not a valid value for f: expected one of none, h, v." },
        { "filter", "blur", "'blur' is not a valid value for filter: expected one of none, black_white, grayscale, greyscale, sepia." },
        { "blur", "151", "blur=151 is out of range: expected an integer from 0 to 150." },
        { "blur", "-1", "blur=-1 is out of range: expected an integer from 0 to 150." },
        { "q", "0", "q=0 is out of range: expected an integer from 1 to 100." },
        { "q", "101", "q=101 is out of range: expected an integer from 1 to 100." },
        { "pad", "-1", "pad=-1 is out of range: expected an integer from 0 to 2048." },
        { "pad", "2049", "pad=2049 is out of range: expected an integer from 0 to 2048." },
        { "pad-c", "red", "'red' is not a valid value for pad-c: expected a hex colour #RGB, #RGBA, #RRGGBB or #RRGGBBAA (write # as %23 in a URL)." },
        { "pad-c", "#12345", "'#12345' is not a valid value for pad-c: expected a hex colour #RGB, #RGBA, #RRGGBB or #RRGGBBAA (write # as %23 in a URL)." },
        { "pad-c", "#GGG", "'#GGG' is not a valid value for pad-c: expected a hex colour #RGB, #RGBA, #RRGGBB or #RRGGBBAA (write # as %23 in a URL)." },
        { "pad-c", "FF0000", "'FF0000' is not a valid value for pad-c: expected a hex colour #RGB, #RGBA, #RRGGBB or #RRGGBBAA (write # as %23 in a URL)." },
        { "strip", "exif,gps", "'exif,gps' is not a valid value for strip: expected a comma-separated list of exif, iptc, xmp." },
        { "strip", "", "'' is not a valid value for strip: expected a comma-separated list of exif, iptc, xmp." },
        { "cs", "cmyk", "'cmyk' is not a valid value for cs: expected one of origin, grayscale, greyscale, srgb, p3." },
        { "profile", " ", "' ' is not a valid value for profile: expected the name of a configured variant profile." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_names_the_parameter_the_value_and_what_is_allowed(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidTransformationException>(() => Parse((key, value)));
        Assert.Equal(key, error.Parameter);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Other_query_keys_are_left_to_the_label_filters()
    {
        var request = Parse(("w", "10"), ("phone", "iphone"), ("limit", "3"), ("max-width", "5"), ("W", "abc"));

        Assert.Equal(new RequestedTransformation { Width = 10 }, request);
    }

    [Fact]
    public void No_parameters_is_empty_and_a_profile_alone_has_no_explicit_parameters()
    {
        Assert.True(Parse().IsEmpty);
        Assert.True(Parse(("phone", "iphone")).IsEmpty);
        var profileOnly = Parse(("profile", "thumb"));
        Assert.False(profileOnly.IsEmpty);
        Assert.False(profileOnly.HasExplicitParameters);
        Assert.True(Parse(("profile", "thumb"), ("q", "50")).HasExplicitParameters);
    }

    [Fact]
    public void A_profile_may_not_name_another_profile_nor_an_unknown_key()
    {
        var nested = Assert.Throws<InvalidTransformationException>(() =>
            TransformationRequest.ParseProfile(new Dictionary<string, string> { ["profile"] = "other" }));
        Assert.StartsWith("'profile' is not a parameter of a variant profile: expected one of w, h, fit,", nested.Message);

        var typo = Assert.Throws<InvalidTransformationException>(() =>
            TransformationRequest.ParseProfile(new Dictionary<string, string> { ["width"] = "100" }));
        Assert.Equal("width", typo.Parameter);
    }

    [Fact]
    public void Preprocessing_reads_the_clamps_under_either_name_a_media_type_format_and_refuses_unknown_keys()
    {
        var request = TransformationRequest.ParsePreprocessing(new Dictionary<string, string>
        {
            ["clamp-width"] = "1200", ["clamp-height"] = "800", ["format"] = "image/avif",
        });
        Assert.Equal(new RequestedTransformation { ClampWidth = 1200, ClampHeight = 800, Format = ImageFormat.Avif }, request);

        var legacy = TransformationRequest.ParsePreprocessing(new Dictionary<string, string> { ["max-width"] = "1200", ["max-height"] = "800" });
        Assert.Equal(new RequestedTransformation { ClampWidth = 1200, ClampHeight = 800 }, legacy);

        var bad = Assert.Throws<InvalidTransformationException>(() =>
            TransformationRequest.ParsePreprocessing(new Dictionary<string, string> { ["clamp-width"] = "0" }));
        Assert.Equal("clamp-width=0 is out of range: expected an integer from 1 to 8192.", bad.Message);

        var unknown = Assert.Throws<InvalidTransformationException>(() =>
            TransformationRequest.ParsePreprocessing(new Dictionary<string, string> { ["maxwidth"] = "10" }));
        Assert.EndsWith("profile, clamp-width, clamp-height.", unknown.Message);

        Assert.Throws<InvalidTransformationException>(() => TransformationRequest.Parse(new Dictionary<string, string> { ["format"] = "image/avif" }));
    }
}
