using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Tests.Imaging;

public sealed class VipsTransformerGeometryTests : IDisposable
{
    private readonly TransformerHarness _harness = new();

    [Theory]
    [InlineData(Fit.Fit, 40, 20)]
    [InlineData(Fit.Fill, 30, 30)]
    [InlineData(Fit.Stretch, 30, 60)]
    [InlineData(Fit.Crop, 20, 20)]
    [InlineData(Fit.Fit, 160, 80)]
    public async Task Output_has_the_box_size_for_every_fit(Fit fit, int width, int height)
    {
        var transformation = TransformerHarness.Identity(width, height, ImageFormat.Png) with { Fit = fit };

        var (attributes, output) = await _harness.RunAsync(TestImages.Gradient(80, 40), transformation);

        using (output)
        {
            Assert.Equal((width, height), (output.Width, output.Height));
            Assert.Equal((width, height), (attributes.Width, attributes.Height));
        }
    }

    [Fact]
    public async Task Fill_keeps_the_middle_while_stretch_keeps_everything()
    {
        // Red on the left, blue on the right. Filling a square keeps the middle half; stretching keeps both ends.
        var gradient = TestImages.Gradient(80, 40);
        var (_, filled) = await _harness.RunAsync(gradient, TransformerHarness.Identity(20, 20, ImageFormat.Png) with { Fit = Fit.Fill });
        var (_, stretched) = await _harness.RunAsync(gradient, TransformerHarness.Identity(20, 20, ImageFormat.Png) with { Fit = Fit.Stretch });
        using (filled)
        using (stretched)
        {
            Assert.InRange(filled.Getpoint(0, 10)[0], 160, 220);
            Assert.InRange(filled.Getpoint(19, 10)[0], 35, 95);
            Assert.True(stretched.Getpoint(0, 10)[0] > 240);
            Assert.True(stretched.Getpoint(19, 10)[0] < 15);
        }
    }

    [Theory]
    [InlineData(Gravity.Entropy)]
    [InlineData(Gravity.Attention)]
    public async Task Smart_gravity_keeps_the_detailed_part(Gravity gravity)
    {
        var input = PipelineImages.DetailAtRightEdge(200, 50, 40);
        var crop = TransformerHarness.Identity(50, 50, ImageFormat.Png) with { Fit = Fit.Crop };

        var (_, smart) = await _harness.RunAsync(input, crop with { Gravity = gravity });
        var (_, centre) = await _harness.RunAsync(input, crop with { Gravity = Gravity.Center });

        using (smart)
        using (centre)
        {
            Assert.True(centre.Deviate() < 1, $"centre crop deviation {centre.Deviate()}");
            Assert.True(smart.Deviate() > 30, $"{gravity} crop deviation {smart.Deviate()}");
            // The patch hugs the right edge, so the kept window is the rightmost one.
            Assert.True(smart.Crop(45, 0, 5, 50).Deviate() > 30);
        }
    }

    [Fact]
    public async Task Rotating_90_swaps_the_sides_and_moves_the_top_left_corner_to_the_top_right()
    {
        var transformation = TransformerHarness.Turn(TransformerHarness.Identity(40, 20, ImageFormat.Png) with { Rotate = Rotation.Ninety });

        var (attributes, output) = await _harness.RunAsync(PipelineImages.MarkedCorner(40, 20), transformation);

        using (output)
        {
            Assert.Equal((20, 40), (output.Width, output.Height));
            Assert.Equal((20, 40), (attributes.Width, attributes.Height));
            AssertRed(output, 18, 1);
            AssertBlue(output, 1, 1);
        }
    }

    [Theory]
    [InlineData(Rotation.OneHundredEighty, 38, 18)]
    [InlineData(Rotation.TwoHundredSeventy, 1, 38)]
    public async Task Other_rotations_are_clockwise(Rotation rotation, int redX, int redY)
    {
        var transformation = TransformerHarness.Turn(TransformerHarness.Identity(40, 20, ImageFormat.Png) with { Rotate = rotation });

        var (_, output) = await _harness.RunAsync(PipelineImages.MarkedCorner(40, 20), transformation);

        using (output) AssertRed(output, redX, redY);
    }

    [Fact]
    public async Task Flipping_mirrors_left_and_right()
    {
        var transformation = TransformerHarness.Identity(40, 20, ImageFormat.Png) with { Flip = Flip.H };

        var (_, output) = await _harness.RunAsync(PipelineImages.MarkedCorner(40, 20), transformation);

        using (output)
        {
            Assert.Equal((40, 20), (output.Width, output.Height));
            AssertRed(output, 38, 1);
            AssertBlue(output, 1, 1);
        }
    }

    [Fact]
    public async Task Rotation_happens_before_the_flip()
    {
        // Rotate 90° (top-left → top-right), then mirror (top-right → top-left). Flip-then-rotate would end bottom-right.
        var transformation = TransformerHarness.Turn(TransformerHarness.Identity(40, 20, ImageFormat.Png) with { Rotate = Rotation.Ninety, Flip = Flip.H });

        var (_, output) = await _harness.RunAsync(PipelineImages.MarkedCorner(40, 20), transformation);

        using (output)
        {
            Assert.Equal((20, 40), (output.Width, output.Height));
            AssertRed(output, 1, 1);
            AssertBlue(output, 18, 38);
        }
    }

    [Fact]
    public async Task Resizing_fits_the_turned_frame_and_a_turned_image_is_marked_upright()
    {
        var input = PipelineImages.JpegWithExifOrientation(40, 20, orientation: 6);

        var (kept, unturned) = await _harness.RunAsync(input, TransformerHarness.Identity(20, 10, ImageFormat.Jpeg));
        var (turned, rotated) = await _harness.RunAsync(input,
            TransformerHarness.Turn(TransformerHarness.Identity(20, 10, ImageFormat.Jpeg) with { Rotate = Rotation.Ninety }));

        using (unturned)
        using (rotated)
        {
            Assert.Equal((20, 10, 6), (unturned.Width, unturned.Height, kept.Orientation));
            Assert.Equal((10, 20, 1), (rotated.Width, rotated.Height, turned.Orientation));
        }
    }

    [Fact]
    public async Task Red_padding_surrounds_the_image()
    {
        var transformation = TransformerHarness.Identity(20, 10, ImageFormat.Png) with { Padding = new Padding(5, new Rgba(255, 0, 0, 255)) };

        var (attributes, output) = await _harness.RunAsync(TestImages.Solid(20, 10, 0, 0, 255), transformation);

        using (output)
        {
            Assert.Equal((30, 20), (output.Width, output.Height));
            Assert.Equal((30, 20), (attributes.Width, attributes.Height));
            Assert.Equal(3, output.Bands);
            AssertRed(output, 0, 0);
            AssertRed(output, 29, 19);
            AssertRed(output, 4, 10);
            AssertBlue(output, 5, 5);
            AssertBlue(output, 24, 14);
        }
    }

    [Fact]
    public async Task Transparent_padding_on_png_is_see_through()
    {
        var transformation = TransformerHarness.Identity(20, 10, ImageFormat.Png) with { Padding = new Padding(3, new Rgba(0, 0, 0, 0)) };

        var (_, output) = await _harness.RunAsync(TestImages.Solid(20, 10, 0, 0, 255), transformation);

        using (output)
        {
            Assert.Equal((26, 16, 4), (output.Width, output.Height, output.Bands));
            Assert.Equal(0, output.Getpoint(0, 0)[3]);
            Assert.Equal(0, output.Getpoint(25, 8)[3]);
            Assert.Equal([0, 0, 255, 255], output.Getpoint(13, 8));
        }
    }

    [Fact]
    public async Task Translucent_padding_on_jpeg_keeps_the_colour_only()
    {
        var transformation = TransformerHarness.Identity(20, 10, ImageFormat.Jpeg) with { Padding = new Padding(4, new Rgba(255, 0, 0, 0x80)) };

        var (_, output) = await _harness.RunAsync(TestImages.Solid(20, 10, 0, 0, 255), transformation);

        using (output)
        {
            Assert.Equal((28, 18, 3), (output.Width, output.Height, output.Bands));
            AssertRed(output, 0, 0);
        }
    }

    private static void AssertRed(Image image, int x, int y)
    {
        var pixel = image.Getpoint(x, y);
        Assert.True(pixel[0] > 200 && pixel[1] < 50 && pixel[2] < 50, $"({x},{y}) = {string.Join(',', pixel)}, expected red");
    }

    private static void AssertBlue(Image image, int x, int y)
    {
        var pixel = image.Getpoint(x, y);
        Assert.True(pixel[0] < 50 && pixel[1] < 50 && pixel[2] > 200, $"({x},{y}) = {string.Join(',', pixel)}, expected blue");
    }

    public void Dispose() => _harness.Dispose();
}
