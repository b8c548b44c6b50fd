using Konifer.Assets;
using Konifer.Transformations;

namespace Konifer.Tests.Imaging;

public sealed class VipsTransformerAnimationTests : IDisposable
{
    private readonly TransformerHarness _harness = new();

    [Fact]
    public async Task Animated_gif_to_webp_keeps_every_frame_the_delays_and_the_loop()
    {
        var input = PipelineImages.AnimatedGif(40, 20, frames: 4, loop: 3);
        var transformation = TransformerHarness.Identity(20, 10, ImageFormat.Webp);

        var (attributes, output) = await _harness.RunAsync(input, transformation);

        using (output)
        {
            Assert.Equal(new ImageAttributes(20, 10, ImageFormat.Webp, 4, 3, "srgb"), attributes);
            Assert.Equal(4, (int)output.Get("n-pages"));
            Assert.Equal(10, output.PageHeight);
            Assert.Equal(3, (int)output.Get("loop"));
            Assert.Equal([80, 80, 80, 80], (int[])output.Get("delay"));
            // Each page keeps its own colour (pages were resized apart, not blended together).
            for (var page = 0; page < 4; page++)
            {
                var pixel = output.Getpoint(10, page * 10 + 5);
                Assert.InRange(pixel[1], 200 - page * 40 - 12, 200 - page * 40 + 12);
            }
        }
    }

    [Fact]
    public async Task Frames_are_rotated_and_padded_one_by_one()
    {
        var input = PipelineImages.AnimatedGif(40, 20, frames: 3, loop: 0);
        var transformation = TransformerHarness.Turn(TransformerHarness.Identity(40, 20, ImageFormat.Gif) with
        {
            Rotate = Rotation.Ninety,
            Padding = new Padding(2, new Rgba(255, 255, 255, 255)),
        });

        var (attributes, output) = await _harness.RunAsync(input, transformation);

        using (output)
        {
            Assert.Equal((24, 44, 3, 0), (attributes.Width, attributes.Height, attributes.PageCount, attributes.Loop));
            Assert.Equal((24, 44 * 3), (output.Width, output.Height));
            for (var page = 0; page < 3; page++)
            {
                Assert.All(output.Getpoint(0, page * 44), v => Assert.True(v > 240));
                Assert.InRange(output.Getpoint(12, page * 44 + 22)[1], 200 - page * 40 - 12, 200 - page * 40 + 12);
            }
        }
    }

    [Fact]
    public async Task Animated_gif_to_jpeg_is_the_first_frame()
    {
        var input = PipelineImages.AnimatedGif(40, 20, frames: 4, loop: 0);

        var (attributes, output) = await _harness.RunAsync(input, TransformerHarness.Identity(40, 20, ImageFormat.Jpeg));

        using (output)
        {
            Assert.Equal(new ImageAttributes(40, 20, ImageFormat.Jpeg, 1, null, "srgb"), attributes);
            Assert.Equal((40, 20), (output.Width, output.Height));
            Assert.InRange(output.Getpoint(20, 10)[1], 188, 212);
        }
    }

    [Fact]
    public async Task A_still_image_from_an_animation_stays_still_in_webp()
    {
        // Rotation turns the 40×20 first page into 20×40 = two 20-pixel "pages" if the old page height lingered.
        var input = PipelineImages.AnimatedGif(40, 20, frames: 2, loop: 0);
        var transformation = TransformerHarness.Turn(TransformerHarness.Identity(40, 20, ImageFormat.Webp) with { Rotate = Rotation.Ninety });

        var source = _harness.WriteInput(input);
        var still = new ImageAttributes(40, 20, ImageFormat.Png, 1, null, "srgb");
        var output = _harness.OutputPath();
        var attributes = await _harness.Transformer.TransformAsync(source, still, transformation, output, default);

        Assert.Equal((20, 40, 1), (attributes.Width, attributes.Height, attributes.PageCount));
    }

    public void Dispose() => _harness.Dispose();
}
