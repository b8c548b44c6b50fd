using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Transformations;
using static Konifer.Tests.Transformations.Requests;

namespace Konifer.Tests.Transformations;

public class PreprocessingNormalizationTests
{
    private static Transformation? Preprocess(string parameters, ImageAttributes original, VariantProfiles? profiles = null) =>
        TransformationNormalizer.NormalizePreprocessing(TransformationRequest.ParsePreprocessing(Query(parameters)),
            profiles ?? VariantProfiles.Empty, original);

    [Theory]
    [InlineData(4000, 3000, "max-width=1000", 1000, 750)]
    [InlineData(4000, 3000, "max-height=600", 800, 600)]
    [InlineData(4000, 3000, "max-width=1000&max-height=500", 667, 500)]
    [InlineData(3000, 4000, "max-width=1000&max-height=1000", 750, 1000)]
    [InlineData(800, 600, "max-width=1000&max-height=500", 667, 500)]
    [InlineData(4000, 3000, "max-width=1000&r=90", 1000, 1333)]
    public void Max_bounds_shrink_to_fit_inside_them(int width, int height, string parameters, int expectedWidth, int expectedHeight)
    {
        var transformation = Preprocess(parameters, Original(width, height));

        Assert.Equal((expectedWidth, expectedHeight, Fit.Fit), (transformation!.Width, transformation.Height, transformation.Fit));
    }

    [Theory]
    [InlineData("max-width=1000")]
    [InlineData("max-height=600")]
    [InlineData("max-width=800&max-height=600")]
    [InlineData("max-width=8000&max-height=8000")]
    public void Max_bounds_never_enlarge_so_a_small_upload_stays_the_original(string parameters)
    {
        Assert.Null(Preprocess(parameters, Original(800, 600)));
    }

    [Fact]
    public void Other_parameters_still_apply_to_a_small_upload()
    {
        var transformation = Preprocess("max-width=1000&format=webp&strip=exif", Original(800, 600));

        Assert.Equal((800, 600, ImageFormat.Webp, MetadataStrip.Exif),
            (transformation!.Width, transformation.Height, transformation.Format, transformation.Strip));
    }

    [Fact]
    public void Explicit_sides_replace_the_clamp_on_their_side_but_never_enlarge_while_a_clamp_is_set()
    {
        Assert.Null(Preprocess("w=2000&clamp-width=1000", Original(800, 600)));
        Assert.Null(Preprocess("w=2000&clamp-height=1000", Original(800, 600)));

        var box = Preprocess("w=2048&clamp-height=1024", Original(4000, 1000));
        Assert.Equal((2048, 512), (box!.Width, box.Height));

        var mixed = Preprocess("w=400&clamp-height=100", Original(800, 600));
        Assert.Equal((133, 100), (mixed!.Width, mixed.Height));

        var unclamped = Preprocess("w=2000", Original(800, 600));
        Assert.Equal((2000, 1500), (unclamped!.Width, unclamped.Height));
    }

    [Fact]
    public void Cover_modes_use_the_bounds_as_their_box_capped_at_the_upload()
    {
        var fill = Preprocess("fit=fill&max-width=100&max-height=100", Original(400, 300));
        Assert.Equal((100, 100, Fit.Fill), (fill!.Width, fill.Height, fill.Fit));

        var stretch = Preprocess("fit=stretch&max-width=1000&max-height=100", Original(400, 300));
        Assert.Equal((400, 100, Fit.Stretch), (stretch!.Width, stretch.Height, stretch.Fit));

        var missing = Assert.Throws<InvalidTransformationException>(() => Preprocess("fit=crop&max-width=100", Original(400, 300)));
        Assert.Equal("fit=crop needs both w and h; h missing.", missing.Message);
    }

    [Fact]
    public void A_profile_can_be_named_and_the_block_overrides_it()
    {
        var profiles = Profiles("""{ "web": { "format": "webp", "q": 70 } }""");

        var transformation = Preprocess("profile=web&q=75&max-width=100", Original(400, 300), profiles);

        Assert.Equal((100, 75, ImageFormat.Webp, 75), (transformation!.Width, transformation.Height, transformation.Format, transformation.Quality));
    }

    [Fact]
    public void No_parameters_is_the_upload_as_it_is()
    {
        Assert.Null(Preprocess("", Original(4000, 3000)));
    }
}
