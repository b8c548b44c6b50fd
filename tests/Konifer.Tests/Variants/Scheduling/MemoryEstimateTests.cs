using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Variants.Scheduling;
using static Konifer.Tests.Transformations.Requests;

namespace Konifer.Tests.Variants.Scheduling;

public sealed class MemoryEstimateTests
{
    private static long Estimate(string query, ImageAttributes original) => MemoryEstimate.For(Normalize(query, original)!, original);

    /// <summary>
    /// Peak RSS one job added to an idle server (MB), measured one job per fresh server process by
    /// <c>bench/memory --per-job</c> (table and date in docs/memory.md). The estimate must never be below them.
    /// Filesystem object store: the in-memory store's own copies of the output are storage, not generation.
    /// </summary>
    [Theory]
    [InlineData("format=jpg&q=79", ImageFormat.Jpeg, 8_000, 215)]
    [InlineData("format=jpg&q=95", ImageFormat.Jpeg, 8_000, 408)]
    [InlineData("format=jpg&q=95", ImageFormat.Jpeg, 4_000, 108)]
    [InlineData("format=png", ImageFormat.Jpeg, 8_000, 23)]
    [InlineData("format=webp", ImageFormat.Jpeg, 8_000, 334)]
    [InlineData("format=webp", ImageFormat.Jpeg, 4_000, 91)]
    [InlineData("format=gif", ImageFormat.Jpeg, 8_000, 810)]
    [InlineData("format=gif", ImageFormat.Jpeg, 4_000, 206)]
    [InlineData("format=heic", ImageFormat.Jpeg, 4_000, 279)]
    [InlineData("format=heic", ImageFormat.Jpeg, 2_000, 83)]
    [InlineData("format=jxl", ImageFormat.Jpeg, 6_000, 3_123)]
    [InlineData("format=jxl", ImageFormat.Jpeg, 4_000, 1_384)]
    [InlineData("format=jxl", ImageFormat.Jpeg, 2_000, 311)]
    [InlineData("format=avif", ImageFormat.Jpeg, 6_000, 3_092)]
    [InlineData("format=avif", ImageFormat.Jpeg, 4_000, 1_500)]
    [InlineData("format=avif", ImageFormat.Jpeg, 2_000, 483)]
    [InlineData("w=400&format=jpg", ImageFormat.Jpeg, 4_000, 9)]
    [InlineData("w=400&format=jpg", ImageFormat.Png, 4_000, 23)]
    [InlineData("w=400&format=jpg", ImageFormat.Webp, 4_000, 10)]
    [InlineData("w=400&format=jpg", ImageFormat.Gif, 4_000, 105)]
    [InlineData("w=400&format=jpg", ImageFormat.Heic, 4_000, 130)]
    [InlineData("w=400&format=jpg", ImageFormat.Jxl, 4_000, 119)]
    [InlineData("w=400&format=jpg", ImageFormat.Avif, 4_000, 141)]
    [InlineData("w=400&format=jpg", ImageFormat.Avif, 2_000, 62)]
    [InlineData("format=jpg&q=79", ImageFormat.Webp, 4_000, 172)]
    [InlineData("format=jpg&q=79", ImageFormat.Png, 4_000, 61)]
    [InlineData("format=jpg&q=79", ImageFormat.Heic, 4_000, 165)]
    [InlineData("format=jpg&q=79", ImageFormat.Gif, 4_000, 143)]
    public void The_estimate_is_at_least_what_the_job_was_measured_to_add(string query, ImageFormat source, int side, int measuredMegabytes)
    {
        var estimate = Estimate(query, Original(side, side, source));
        Assert.True(estimate >= measuredMegabytes * 1_000_000L, $"{query} of a {side}² {source}: estimate {estimate / 1_000_000} MB, measured {measuredMegabytes} MB");
    }

    /// <summary>
    /// Turns, flips and blurs of an 8000×6000 JPEG to PNG (streaming, so the random-access copy stands out), measured
    /// the same way on the filesystem store: frames up to 100 MB are copied in memory (about 3 bytes a pixel), larger
    /// ones go through a temporary file that the kernel pages in window by window.
    /// </summary>
    [Theory]
    [InlineData("r=90&w=4000&format=png", 94)]
    [InlineData("f=h&w=4000&format=png", 69)]
    [InlineData("r=90&format=png", 19)]
    [InlineData("f=h&w=7999&format=png", 35)]
    public void The_estimate_covers_the_random_access_copy_of_a_turn(string query, int measuredMegabytes)
    {
        var estimate = Estimate(query, Original(8_000, 6_000));
        Assert.True(estimate >= measuredMegabytes * 1_000_000L, $"{query}: estimate {estimate / 1_000_000} MB, measured {measuredMegabytes} MB");
    }

    [Fact]
    public void A_turn_costs_its_frame_up_to_the_in_memory_limit_and_nothing_without_one()
    {
        var original = Original(8_000, 6_000);
        Assert.Equal(0, MemoryEstimate.RandomAccessCopy(Normalize("w=4000&format=png", original)!));
        Assert.Equal(4_000L * 3_000 * 8, MemoryEstimate.RandomAccessCopy(Normalize("f=h&w=4000&format=png", original)!));
        Assert.Equal(Transformation.RandomAccessCopyInMemoryLimit, MemoryEstimate.RandomAccessCopy(Normalize("r=90&format=png", original)!));
        Assert.True(Estimate("blur=3&w=1000", original) > Estimate("w=1000", original));
    }

    [Fact]
    public void A_png_streams_and_costs_the_same_small_amount_at_any_size()
    {
        var small = Estimate("format=png", Original(400, 300));
        var huge = Estimate("format=png", Original(16_000, 16_000));
        Assert.Equal(small, huge);
        Assert.True(huge < 100L << 20, $"{huge} bytes for a streaming job");
    }

    [Fact]
    public void A_jpeg_keeps_its_coefficients_for_optimized_huffman_tables_and_more_of_them_from_q_90_without_chroma_subsampling()
    {
        var original = Original(8_000, 8_000);
        var subsampled = Estimate("format=jpg&q=89", original) - MemoryEstimate.StreamingWorkingSet;
        var full = Estimate("format=jpg&q=90", original) - MemoryEstimate.StreamingWorkingSet;
        Assert.True(subsampled >= 8_000L * 8_000 * 3, $"{subsampled} bytes of coefficients at 4:2:0"); // 1.5 samples × 2 bytes
        Assert.True(full >= 8_000L * 8_000 * 6, $"{full} bytes of coefficients at 4:4:4"); // 3 samples × 2 bytes
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
        // Three quarters of the pixels gone: at least three quarters of the frame's 4 bytes per pixel less.
        Assert.True(full - half >= 8_000L * 6_000 * 3, $"{format}: {full} bytes at 48 MP, {half} at 12 MP");
    }

    [Fact]
    public void The_encoders_are_ordered_as_measured()
    {
        var original = Original(4_000, 4_000);
        var order = new[] { "png", "jpg", "webp", "gif", "heic", "jxl", "avif" }.Select(f => Estimate(f == "jpg" ? "format=jpg&q=79" : $"format={f}", original)).ToArray();
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Decoders_that_hold_the_whole_source_add_its_frame_even_for_a_thumbnail()
    {
        var fromJpeg = Estimate("w=400&format=jpg", Original(8_000, 8_000));
        foreach (var format in new[] { ImageFormat.Avif, ImageFormat.Heic, ImageFormat.Jxl, ImageFormat.Gif })
        {
            var whole = Estimate("w=400&format=jpg", Original(8_000, 8_000, format));
            Assert.True(whole - fromJpeg >= 8_000L * 8_000 * 4, $"a {format} source adds only {whole - fromJpeg} bytes");
        }
    }

    [Fact]
    public void A_webp_source_decodes_at_the_scale_the_output_needs()
    {
        var thumbnail = Estimate("w=400&format=jpg", Original(8_000, 8_000, ImageFormat.Webp));
        var fullSize = Estimate("format=jpg&q=79", Original(8_000, 8_000, ImageFormat.Webp));
        var fromJpeg = Estimate("format=jpg&q=79", Original(8_000, 8_000));
        Assert.Equal(Estimate("w=400&format=jpg", Original(8_000, 8_000)), thumbnail, 2_000_000.0);
        Assert.True(fullSize - fromJpeg >= 8_000L * 8_000 * 4, $"a full-size decode of a WebP adds only {fullSize - fromJpeg} bytes");
    }

    [Fact]
    public void An_animation_costs_every_frame_and_padding_counts()
    {
        var still = new ImageAttributes(1_000, 1_000, ImageFormat.Webp, 1, null, "srgb");
        var animated = still with { PageCount = 10, Loop = 0 };
        var oneFrame = Estimate("w=999&format=gif", still) - Estimate("w=999&format=png", still);
        var tenFrames = Estimate("w=999&format=gif", animated) - Estimate("w=999&format=png", animated);
        Assert.True(tenFrames >= 10 * oneFrame, $"ten frames {tenFrames} bytes, one {oneFrame}");
        var padding = Estimate("w=999&format=webp&pad=500", still) - Estimate("w=999&format=webp", still);
        Assert.True(padding >= (1999L * 1999 - 999L * 999) * 4, $"padding adds only {padding} bytes");
    }
}
