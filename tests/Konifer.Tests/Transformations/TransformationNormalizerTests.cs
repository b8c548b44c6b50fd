using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Transformations;
using static Konifer.Tests.Transformations.Requests;
using Flip = Konifer.Core.Transformations.Flip;

namespace Konifer.Tests.Transformations;

public class TransformationNormalizerTests
{
    [Theory]
    [InlineData("f=h&r=180", "f=v")]
    [InlineData("f=v&r=90", "r=270&f=h")]
    [InlineData("f=v&r=180", "f=h")]
    [InlineData("f=v&r=270", "r=90&f=h")]
    [InlineData("w=100", "w=100&h=75")]
    [InlineData("w=100", "w=100&fit=fit&q=80")]
    [InlineData("w=100", "h=75")]
    [InlineData("w=100", "w=100&h=200")]
    [InlineData("w=100", "w=500&h=75")]
    [InlineData("w=100", "w=100&h=75&fit=fill")]
    [InlineData("w=100", "w=100&h=75&fit=stretch")]
    [InlineData("w=100", "w=100&h=75&fit=crop&g=attention")]
    [InlineData("w=100", "w=100&g=entropy")]
    [InlineData("w=100", "w=100&format=jpg&r=0&f=none&filter=none&blur=0&pad=0&pad-c=%23f00&cs=origin")]
    [InlineData("w=100&h=50&fit=fill", "w=100&h=50&fit=crop&g=center")]
    [InlineData("w=100&h=50&fit=fill", "w=100&h=50&fit=fill&g=attention")]
    [InlineData("w=100&h=50&fit=stretch", "w=100&h=50&fit=stretch&g=entropy")]
    [InlineData("format=png", "format=png&q=10")]
    [InlineData("format=png", "format=PNG&q=100")]
    [InlineData("format=gif", "format=gif&q=5")]
    [InlineData("format=webp", "format=webp&q=80")]
    [InlineData("format=jpg&blur=2", "format=jpeg&blur=2")]
    [InlineData("filter=greyscale", "filter=grayscale")]
    [InlineData("cs=greyscale", "cs=grayscale")]
    [InlineData("strip=xmp,exif", "strip=exif,xmp,exif")]
    [InlineData("pad=5", "pad=5&pad-c=%23ffffff")]
    [InlineData("pad=5&pad-c=%23f00", "pad=5&pad-c=%23FF0000FF")]
    [InlineData("format=png&pad=5", "format=png&pad=5&pad-c=%230000")]
    public void Equivalent_requests_normalize_to_equal_records(string one, string other)
    {
        var first = Normalize(one);
        var second = Normalize(other);

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second!.GetHashCode());
    }

    [Theory]
    [InlineData("w=100", "w=101")]
    [InlineData("w=100&h=50&fit=fill", "w=100&h=50&fit=crop&g=entropy")]
    [InlineData("w=100&h=50&fit=fill", "w=100&h=50&fit=stretch")]
    [InlineData("f=h", "f=v")]
    [InlineData("r=90", "r=270")]
    [InlineData("q=80&format=webp", "q=81&format=webp")]
    [InlineData("pad=5", "pad=5&pad-c=%23000")]
    public void Different_outputs_stay_different(string one, string other)
    {
        Assert.NotEqual(Normalize(one), Normalize(other));
    }

    [Theory]
    [InlineData("")]
    [InlineData("w=400")]
    [InlineData("h=300")]
    [InlineData("w=400&h=300&fit=stretch")]
    [InlineData("w=400&h=300&fit=crop&g=attention")]
    [InlineData("format=jpg")]
    [InlineData("q=80")]
    [InlineData("r=0&f=none")]
    [InlineData("q=80&format=jpeg&g=entropy")]
    [InlineData("r=auto")]
    [InlineData("pad=0&pad-c=%23f00")]
    [InlineData("filter=none&blur=0&cs=origin")]
    public void Requests_that_amount_to_the_original_are_null(string query)
    {
        Assert.Null(Normalize(query));
    }

    [Fact]
    public void Defaults_are_filled_in_from_the_original()
    {
        var transformation = Normalize("blur=3", Original(640, 480, ImageFormat.Webp));

        Assert.Equal(
            new Transformation(640, 480, Fit.Fit, Gravity.Center, ImageFormat.Webp, Rotation.Zero, Flip.None, Filter.None, 3, 80,
                Padding.None, MetadataStrip.None, ColorSpace.Origin),
            transformation);
    }

    [Fact]
    public void Every_parameter_reaches_the_record()
    {
        var transformation = Normalize("w=100&h=50&fit=crop&g=entropy&format=avif&r=90&f=h&filter=sepia&blur=7&q=33&pad=4&pad-c=%2301020304&strip=iptc&cs=p3");

        Assert.Equal(
            new Transformation(100, 50, Fit.Crop, Gravity.Entropy, ImageFormat.Avif, Rotation.Ninety, Flip.H, Filter.Sepia, 7, 33,
                new Padding(4, new Rgba(1, 2, 3, 4)), MetadataStrip.Iptc, ColorSpace.P3),
            transformation);
    }

    [Theory]
    [InlineData(400, 300, "w=101", 101, 76)]
    [InlineData(400, 300, "h=1", 1, 1)]
    [InlineData(400, 300, "h=2", 3, 2)]
    [InlineData(1000, 1, "w=10", 10, 1)]
    [InlineData(1, 1000, "h=10", 1, 10)]
    [InlineData(400, 300, "w=800", 800, 600)]
    [InlineData(400, 300, "w=100&h=100", 100, 75)]
    [InlineData(400, 300, "w=1000&h=150", 200, 150)]
    [InlineData(3, 2, "w=2", 2, 1)]
    [InlineData(3, 2, "w=2&h=1", 2, 1)]
    public void Fit_derives_the_missing_side_from_the_aspect_and_may_enlarge(int width, int height, string query, int expectedWidth, int expectedHeight)
    {
        var transformation = Normalize(query, Original(width, height));

        Assert.Equal((expectedWidth, expectedHeight, Fit.Fit), (transformation!.Width, transformation.Height, transformation.Fit));
    }

    [Theory]
    [InlineData("r=90", 300, 400)]
    [InlineData("r=270&w=150", 150, 200)]
    [InlineData("r=180&w=200", 200, 150)]
    [InlineData("f=v&r=90&h=200", 150, 200)]
    public void Sizes_apply_to_the_rotated_output(string query, int expectedWidth, int expectedHeight)
    {
        var transformation = Normalize(query, Original(400, 300));

        Assert.Equal((expectedWidth, expectedHeight), (transformation!.Width, transformation.Height));
    }

    [Theory]
    [InlineData(1, null, null)]
    [InlineData(2, Rotation.Zero, Flip.H)]
    [InlineData(3, Rotation.OneHundredEighty, Flip.None)]
    [InlineData(4, Rotation.OneHundredEighty, Flip.H)]
    [InlineData(5, Rotation.Ninety, Flip.H)]
    [InlineData(6, Rotation.Ninety, Flip.None)]
    [InlineData(7, Rotation.TwoHundredSeventy, Flip.H)]
    [InlineData(8, Rotation.TwoHundredSeventy, Flip.None)]
    public void Auto_rotation_follows_the_originals_exif_orientation(int orientation, Rotation? rotate, Flip? flip)
    {
        var original = Original(400, 300, orientation: orientation);
        var transformation = Normalize("r=auto", original);

        if (rotate is null)
        {
            Assert.Null(transformation);
            return;
        }
        Assert.Equal((rotate, flip), (transformation!.Rotate, transformation.Flip));
        var upright = rotate is Rotation.Ninety or Rotation.TwoHundredSeventy ? (300, 400) : (400, 300);
        Assert.Equal(upright, (transformation.Width, transformation.Height));
        Assert.Equal(transformation, Normalize($"r={(int)rotate * 90}&f={(flip == Flip.H ? "h" : "none")}", original));
    }

    [Theory]
    [InlineData("fit=fill&w=100", "fit=fill needs both w and h; h missing.")]
    [InlineData("fit=stretch&h=100", "fit=stretch needs both w and h; w missing.")]
    [InlineData("fit=crop", "fit=crop needs both w and h; w and h missing.")]
    public void Fill_stretch_and_crop_need_both_sides(string query, string message)
    {
        var error = Assert.Throws<InvalidTransformationException>(() => Normalize(query));
        Assert.Equal("fit", error.Parameter);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("r=auto&f=h")]
    [InlineData("f=v&r=auto")]
    public void A_flip_with_auto_rotation_is_refused(string query)
    {
        var error = Assert.Throws<InvalidTransformationException>(() => Normalize(query, Original(orientation: 6)));
        Assert.Equal("f", error.Parameter);
        Assert.EndsWith("cannot be combined with r=auto: the original's EXIF orientation decides the flip.", error.Message);
        Assert.NotNull(Normalize("r=auto&f=none", Original(orientation: 6)));
    }

    [Theory]
    [InlineData("jpg", 80, 255)]
    [InlineData("webp", 80, 0)]
    [InlineData("avif", 50, 0)]
    [InlineData("jxl", 90, 0)]
    [InlineData("heic", 50, 0)]
    [InlineData("gif", 100, 255)]
    [InlineData("png", 100, 0)]
    public void Quality_and_padding_colour_default_by_format(string format, int quality, int alpha)
    {
        var transformation = Normalize($"format={format}&pad=2", Original(format: ImageFormat.Png));

        Assert.Equal(quality, transformation!.Quality);
        var white = alpha == 255;
        Assert.Equal(new Padding(2, white ? new Rgba(255, 255, 255, 255) : new Rgba(0, 0, 0, 0)), transformation.Padding);
    }

    [Fact]
    public void Outputs_larger_than_the_bound_are_refused_unless_the_original_is_that_large()
    {
        var error = Assert.Throws<InvalidTransformationException>(() => Normalize("w=100", Original(10, 1000)));
        Assert.Equal("h", error.Parameter);
        Assert.StartsWith("The output would be 100×10000 px: at most 8192 px per side", error.Message);

        Assert.Equal((10000, 5000), Normalize("format=webp", Original(10000, 5000)) is { } t ? (t.Width, t.Height) : default);
        Assert.Equal((8192, 82), Normalize("w=8192", Original(1000, 10)) is { } u ? (u.Width, u.Height) : default);
    }

    private static readonly VariantProfiles Profiles = Requests.Profiles("""
        {
          "thumb": { "w": 100, "h": 100, "fit": "fill", "q": 60, "strip": ["exif", "xmp"] },
          "hero": { "w": 1200, "format": "webp" },
          "broken": { "w": 0 }
        }
        """);

    [Fact]
    public void A_profile_supplies_values_and_explicit_parameters_win()
    {
        var thumb = Normalize("profile=thumb", profiles: Profiles);
        Assert.Equal(
            new Transformation(100, 100, Fit.Fill, Gravity.Center, ImageFormat.Jpeg, Rotation.Zero, Flip.None, Filter.None, 0, 60,
                Padding.None, MetadataStrip.Exif | MetadataStrip.Xmp, ColorSpace.Origin),
            thumb);

        var overridden = Normalize("profile=THUMB&q=90&h=50&blur=1", profiles: Profiles);
        Assert.Equal(thumb! with { Height = 50, Quality = 90, Blur = 1 }, overridden);

        Assert.Equal(Normalize("w=100&h=100&fit=fill&q=60&strip=exif,xmp", profiles: Profiles), thumb);
    }

    [Fact]
    public void A_profiles_format_and_an_explicit_format_beat_the_accept_header()
    {
        Assert.Equal(ImageFormat.Webp, Normalize("profile=hero", accept: "image/avif", profiles: Profiles)!.Format);
        Assert.Equal(ImageFormat.Png, Normalize("profile=hero&format=png", accept: "image/avif", profiles: Profiles)!.Format);
        Assert.Equal(ImageFormat.Avif, Normalize("profile=thumb", accept: "image/avif", profiles: Profiles)!.Format);
    }

    [Fact]
    public void Unknown_and_misconfigured_profiles_are_bad_requests()
    {
        var unknown = Assert.Throws<InvalidTransformationException>(() => Normalize("profile=nope", profiles: Profiles));
        Assert.Equal("profile", unknown.Parameter);
        Assert.Equal("Unknown variant profile 'nope' (configured profiles: broken, hero, thumb).", unknown.Message);

        var none = Assert.Throws<InvalidTransformationException>(() => Normalize("profile=nope"));
        Assert.Equal("Unknown variant profile 'nope' (no profiles are configured).", none.Message);

        var broken = Assert.Throws<InvalidTransformationException>(() => Normalize("profile=broken", profiles: Profiles));
        Assert.Equal("Variant profile 'broken' is misconfigured: w=0 is out of range: expected an integer from 1 to 8192.", broken.Message);
    }

    [Fact]
    public void The_accept_header_chooses_the_format_of_a_variant_but_never_turns_the_original_into_one()
    {
        Assert.Equal(ImageFormat.Webp, Normalize("w=100", accept: "image/webp,image/*;q=0.8")!.Format);
        Assert.Equal(ImageFormat.Jpeg, Normalize("w=100", accept: "image/*")!.Format);
        Assert.Equal(ImageFormat.Jpeg, Normalize("w=100")!.Format);
        Assert.Null(Normalize("", accept: "image/webp"));
        Assert.Null(Normalize("", accept: "text/html"));
        Assert.Null(Normalize("w=400", accept: "image/jpeg"));
        Assert.Throws<InvalidTransformationException>(() => Normalize("w=100", accept: "text/html"));
        Assert.Equal(ImageFormat.Gif, Normalize("w=100&format=gif", accept: "text/html")!.Format);
    }
}
