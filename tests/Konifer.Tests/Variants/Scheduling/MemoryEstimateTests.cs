using Konifer.Assets;
using Konifer.Transformations;
using Konifer.Variants.Scheduling;
using static Konifer.Tests.Transformations.Requests;

namespace Konifer.Tests.Variants.Scheduling;

public sealed class MemoryEstimateTests
{
    private static long Estimate(string query, ImageAttributes original) => MemoryEstimate.For(Normalize(query, original)!, original);

    [Theory]
    [InlineData("format=jpg&q=90")]
    [InlineData("format=png")]
    [InlineData("r=90&format=jpg")]
    public void Streaming_outputs_of_a_jpeg_cost_the_same_small_amount_at_any_size(string query)
    {
        var small = Estimate(query, Original(400, 300));
        var huge = Estimate(query, Original(16_000, 16_000));
        Assert.Equal(small, huge);
        Assert.True(huge < 100L << 20, $"{huge} bytes for a streaming job");
    }

    [Theory]
    [InlineData("webp")]
    [InlineData("avif")]
    [InlineData("heic")]
    [InlineData("jxl")]
    [InlineData("gif")]
    public void Full_frame_outputs_cost_at_least_the_rgba_frame_and_grow_with_its_area(string format)
    {
        var original = Original(8_000, 6_000);
        var full = Estimate($"format={format}", original);
        var half = Estimate($"w=4000&format={format}", original);
        var baseline = Estimate("format=png", original);
        Assert.True(full - baseline >= 8_000L * 6_000 * 4, $"{format}: {full} bytes for 48 MP");
        Assert.Equal(4.0, (double)(full - baseline) / (half - baseline), 2);
    }

    [Fact]
    public void Decoders_that_hold_the_whole_source_add_its_frame_even_for_a_thumbnail()
    {
        var fromJpeg = Estimate("w=400&format=jpg", Original(8_000, 8_000));
        var fromAvif = Estimate("w=400&format=jpg", Original(8_000, 8_000, ImageFormat.Avif));
        Assert.True(fromAvif - fromJpeg >= 8_000L * 8_000 * 3, $"AVIF source adds only {fromAvif - fromJpeg} bytes");
    }

    [Fact]
    public void An_animation_costs_every_frame_and_padding_counts()
    {
        var still = new ImageAttributes(1_000, 1_000, ImageFormat.Webp, 1, null, "srgb");
        var animated = still with { PageCount = 10, Loop = 0 };
        var oneFrame = Estimate("w=999&format=gif", still) - Estimate("w=999&format=png", still);
        var tenFrames = Estimate("w=999&format=gif", animated) - Estimate("w=999&format=png", animated);
        Assert.Equal(10 * oneFrame, tenFrames);
        var padding = Estimate("w=999&format=webp&pad=500", still) - Estimate("w=999&format=webp", still);
        Assert.True(padding >= (1999L * 1999 - 999L * 999) * 4, $"padding adds only {padding} bytes");
    }
}
