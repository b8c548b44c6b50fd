using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Tests.Imaging;

public sealed class VipsTransformerEffectTests : IDisposable
{
    private readonly TransformerHarness _harness = new();

    [Fact]
    public async Task Black_white_leaves_only_black_and_white()
    {
        var transformation = TransformerHarness.Identity(64, 16, ImageFormat.Png) with { Filter = Filter.BlackWhite };

        var (_, output) = await _harness.RunAsync(TestImages.Gradient(64, 16), transformation);

        using (output)
        {
            var values = output.WriteToMemory<byte>().Distinct().Order().ToArray();
            Assert.Equal(new byte[] { 0, 255 }, values);
        }
    }

    [Fact]
    public async Task Grayscale_filter_keeps_three_equal_bands()
    {
        var transformation = TransformerHarness.Identity(64, 16, ImageFormat.Png) with { Filter = Filter.Grayscale };

        var (attributes, output) = await _harness.RunAsync(TestImages.Gradient(64, 16), transformation);

        using (output)
        {
            Assert.Equal(3, output.Bands);
            Assert.Equal("srgb", attributes.ColorSpace);
            foreach (var x in new[] { 0, 20, 40, 63 })
            {
                var pixel = output.Getpoint(x, 8);
                Assert.Equal(pixel[0], pixel[1]);
                Assert.Equal(pixel[1], pixel[2]);
            }
            // Red's luminance (0.21) beats blue's (0.07), so the red left end stays the lighter one.
            Assert.True(output.Getpoint(0, 8)[0] > output.Getpoint(63, 8)[0]);
        }
    }

    [Fact]
    public async Task Sepia_warms_a_grey_image()
    {
        var transformation = TransformerHarness.Identity(16, 16, ImageFormat.Png) with { Filter = Filter.Sepia };

        var (_, output) = await _harness.RunAsync(TestImages.Solid(16, 16, 128, 128, 128), transformation);

        using (output)
        {
            var pixel = output.Getpoint(8, 8);
            Assert.True(pixel[0] > pixel[1] && pixel[1] > pixel[2], string.Join(',', pixel));
        }
    }

    [Fact]
    public async Task Filters_keep_alpha()
    {
        var transformation = TransformerHarness.Identity(32, 32, ImageFormat.Png) with { Filter = Filter.Sepia };

        var (_, output) = await _harness.RunAsync(PipelineImages.RedSquareOnTransparent(32, 8), transformation);

        using (output)
        {
            Assert.Equal(4, output.Bands);
            Assert.Equal(0, output.Getpoint(0, 0)[3]);
            Assert.Equal(255, output.Getpoint(16, 16)[3]);
        }
    }

    [Fact]
    public async Task Blur_softens_a_sharp_edge()
    {
        var input = PipelineImages.SharpEdge(40, 10);
        var plain = TransformerHarness.Identity(40, 10, ImageFormat.Png);

        var (_, sharp) = await _harness.RunAsync(input, plain);
        var (_, blurred) = await _harness.RunAsync(input, plain with { Blur = 3 });

        using (sharp)
        using (blurred)
        {
            Assert.Equal(255, sharp.Getpoint(20, 5)[0] - sharp.Getpoint(19, 5)[0]);
            var step = blurred.Getpoint(20, 5)[0] - blurred.Getpoint(19, 5)[0];
            Assert.InRange(step, 1, 100);
            Assert.InRange(blurred.Getpoint(17, 5)[0], 10, 127);
        }
    }

    [Fact]
    public async Task Grayscale_colour_space_has_one_band_or_two_with_alpha()
    {
        var transformation = TransformerHarness.Identity(32, 32, ImageFormat.Png) with { ColorSpace = ColorSpace.Grayscale };

        var (opaqueAttributes, opaque) = await _harness.RunAsync(TestImages.Gradient(32, 32), transformation);
        var (_, translucent) = await _harness.RunAsync(PipelineImages.RedSquareOnTransparent(32, 8), transformation);

        using (opaque)
        using (translucent)
        {
            Assert.Equal(1, opaque.Bands);
            Assert.Equal("grayscale", opaqueAttributes.ColorSpace);
            Assert.Equal(2, translucent.Bands);
            Assert.Equal(0, translucent.Getpoint(0, 0)[1]);
        }
    }

    [Fact]
    public async Task Grayscale_colour_space_greys_the_padding_too()
    {
        var transformation = TransformerHarness.Identity(16, 16, ImageFormat.Jpeg) with
        {
            ColorSpace = ColorSpace.Grayscale,
            Padding = new Padding(4, new Rgba(255, 0, 0, 255)),
        };

        var (_, output) = await _harness.RunAsync(TestImages.Solid(16, 16, 0, 0, 255), transformation);

        using (output)
        {
            Assert.Equal((24, 24, 1), (output.Width, output.Height, output.Bands));
            // Red is lighter than blue in grey.
            Assert.True(output.Getpoint(0, 0)[0] > output.Getpoint(12, 12)[0] + 20);
        }
    }

    [Fact]
    public async Task P3_embeds_the_p3_profile_and_converts_the_pixels()
    {
        var transformation = TransformerHarness.Identity(16, 16, ImageFormat.Png) with { ColorSpace = ColorSpace.P3 };

        var (attributes, output) = await _harness.RunAsync(TestImages.Solid(16, 16, 255, 0, 0), transformation);

        using (output)
        {
            Assert.Equal("p3", attributes.ColorSpace);
            Assert.True(output.Contains("icc-profile-data"));
            // sRGB's pure red lies inside P3's gamut, so it is no longer P3's pure red.
            var pixel = output.Getpoint(8, 8);
            Assert.True(pixel[0] < 250 && pixel[1] > 20, string.Join(',', pixel));
        }
    }

    [Fact]
    public async Task Srgb_converts_a_p3_image_back_and_drops_the_profile()
    {
        var p3 = TransformerHarness.Identity(16, 16, ImageFormat.Png) with { ColorSpace = ColorSpace.P3 };
        var (_, wide) = await _harness.RunAsync(TestImages.Solid(16, 16, 255, 0, 0), p3);
        var wideBytes = wide.WriteToBuffer(".png");
        wide.Dispose();

        var (_, output) = await _harness.RunAsync(wideBytes, p3 with { ColorSpace = ColorSpace.Srgb });

        using (output)
        {
            Assert.False(output.Contains("icc-profile-data"));
            var pixel = output.Getpoint(8, 8);
            Assert.True(pixel[0] > 245 && pixel[1] < 10 && pixel[2] < 10, string.Join(',', pixel));
        }
    }

    public void Dispose() => _harness.Dispose();
}
