using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Transformations;
using static Konifer.Tests.Transformations.Requests;

namespace Konifer.Tests.Transformations;

public sealed class OutputLimitsTests
{
    private static readonly OutputLimits Limits = new(StreamingMaxPixels: 400_000_000, FullFrameMaxPixels: 10_000_000);

    private static Transformation Variant(string query, ImageAttributes original) => Normalize(query, original)!;

    [Fact]
    public void A_full_size_webp_past_the_encoders_side_limit_is_refused_naming_the_limit()
    {
        var huge = Original(20_000, 2_000);
        var error = Assert.Throws<InvalidTransformationException>(() =>
            new OutputLimits(long.MaxValue, long.MaxValue).Check(Variant("format=webp", huge), huge));
        Assert.Equal("w", error.Parameter);
        Assert.Contains("16383 px per side", error.Message);
        Assert.Contains("20000×2000", error.Message);
    }

    [Fact]
    public void The_same_size_as_jpeg_or_as_a_smaller_webp_is_allowed()
    {
        var huge = Original(20_000, 2_000);
        new OutputLimits(long.MaxValue, long.MaxValue).Check(Variant("format=jpg&r=90", huge), huge);
        var widest = Original(16_383, 2_000);
        new OutputLimits(long.MaxValue, long.MaxValue).Check(Variant("format=webp", widest), widest);
    }

    [Fact]
    public void A_full_frame_output_over_its_pixel_limit_is_refused_naming_the_setting_and_the_limit()
    {
        var photo = Original(5_000, 4_000);
        var error = Assert.Throws<InvalidTransformationException>(() => Limits.Check(Variant("format=avif", photo), photo));
        Assert.Equal(OutputLimits.FullFrameKey, error.Parameter);
        Assert.Contains("variant-generation.max-output-pixels.full-frame", error.Message);
        Assert.Contains("20 MP", error.Message);
        Assert.Contains("limit of 10 MP", error.Message);
    }

    [Fact]
    public void The_streaming_limit_applies_to_jpeg_and_png_only()
    {
        var photo = Original(5_000, 4_000);
        Limits.Check(Variant("format=png", photo), photo);
        Limits.Check(Variant("w=3000&format=webp", photo), photo); // 3000×2400 = 7.2 MP
        var tight = Limits with { StreamingMaxPixels = 1_000_000 };
        var error = Assert.Throws<InvalidTransformationException>(() => tight.Check(Variant("format=png", photo), photo));
        Assert.Contains(OutputLimits.StreamingKey, error.Message);
    }

    [Fact]
    public void Padding_and_every_frame_of_an_animation_count()
    {
        var square = Original(3_000, 3_000);
        Limits.Check(Variant("format=webp", square), square); // 9 MP
        Assert.Throws<InvalidTransformationException>(() => Limits.Check(Variant("format=webp&pad=100", square), square)); // 10.24 MP

        var animation = new ImageAttributes(1_000, 1_000, ImageFormat.Gif, 12, 0, "srgb");
        var error = Assert.Throws<InvalidTransformationException>(() => Limits.Check(Variant("format=webp&w=999", animation), animation));
        Assert.Contains("in 12 frames", error.Message);
        Limits.Check(Variant("format=avif&w=999", animation), animation); // AVIF keeps only the first frame
    }

    [Fact]
    public void Limits_below_one_pixel_are_invalid_settings()
    {
        Assert.Contains(OutputLimits.FullFrameKey, new OutputLimits(1, 0).Validate());
        Assert.Contains(OutputLimits.StreamingKey, new OutputLimits(0, 1).Validate());
        Assert.Null(OutputLimits.Default.Validate());
    }
}
