using Konifer.Core.Images;
using Konifer.Variants.Scheduling;
using static Konifer.Tests.Transformations.Requests;

namespace Konifer.Tests.Variants.Scheduling;

/// <summary>Which jobs the default <c>large-job-pixels</c> makes large: the figure the lanes are decided by.</summary>
public sealed class WorkPixelsTests
{
    private static bool Large(string query, ImageAttributes original) =>
        WorkPixels.For(Normalize(query, original)!, original) > VariantGenerationSettings.DefaultLargeJobPixels;

    [Theory]
    [InlineData("w=200")]
    [InlineData("w=1920&format=webp")]
    [InlineData("w=2048&format=avif")]
    public void Thumbnails_and_web_sizes_of_a_64_megapixel_jpeg_are_small(string query) =>
        Assert.False(Large(query, Original(8_000, 8_000)));

    [Theory]
    [InlineData("format=webp")]
    [InlineData("format=jpg&q=90")]
    [InlineData("r=90")]
    [InlineData("w=4000")]
    public void Full_size_and_half_size_conversions_of_it_are_large(string query) =>
        Assert.True(Large(query, Original(8_000, 8_000)));

    [Theory]
    [InlineData(ImageFormat.Heic, true)]
    [InlineData(ImageFormat.Avif, true)]
    [InlineData(ImageFormat.Jxl, true)]
    [InlineData(ImageFormat.Webp, false)]
    [InlineData(ImageFormat.Png, false)]
    public void A_thumbnail_is_large_only_when_its_source_is_decoded_whole(ImageFormat source, bool large) =>
        Assert.Equal(large, Large("w=200&format=jpg", Original(8_000, 6_000, source)));

    [Fact]
    public void Every_kept_animation_frame_and_the_padding_count()
    {
        var animated = new ImageAttributes(600, 600, ImageFormat.Webp, 20, 0, "srgb");
        Assert.True(Large("format=gif", animated));
        Assert.False(Large("format=jpg", animated)); // only the first frame is kept
        Assert.True(Large("format=jpg&pad=600", Original(1_000, 1_000, ImageFormat.Png)));
        Assert.False(Large("format=jpg", Original(1_000, 1_000, ImageFormat.Png)));
    }
}
