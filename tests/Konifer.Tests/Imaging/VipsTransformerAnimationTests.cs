using Konifer.Core.Images;
using Konifer.Core.Transformations;
using NetVips;

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

    [Fact]
    public async Task Hundreds_of_frames_are_each_resized_and_padded_and_keep_their_own_colour()
    {
        // Frames are drawn one by one into the output (not joined lazily), which must keep every page apart.
        const int frames = 600;
        var input = ManyFrameWebp(8, 8, frames);
        var transformation = TransformerHarness.Identity(4, 4, ImageFormat.Gif) with
        {
            Padding = new Padding(1, new Rgba(255, 0, 0, 255)),
        };

        var (attributes, output) = await _harness.RunAsync(input, transformation);

        using (output)
        {
            Assert.Equal((6, 6, frames, 2), (attributes.Width, attributes.Height, attributes.PageCount, attributes.Loop));
            Assert.Equal(frames, (int)output.Get("n-pages"));
            Assert.Equal(6, output.PageHeight);
            Assert.Equal(Enumerable.Repeat(40, frames), (int[])output.Get("delay"));
            using var pixels = output.CopyMemory();
            for (var page = 0; page < frames; page++)
            {
                var border = pixels.Getpoint(0, page * 6);
                Assert.True(border[0] > 220 && border[1] < 40, $"page {page}: border {string.Join(",", border)}");
                Assert.True(Math.Abs(pixels.Getpoint(3, page * 6 + 3)[1] - Green(page)) <= 16, $"page {page}: green {pixels.Getpoint(3, page * 6 + 3)[1]}");
            }
        }
    }

    [Fact]
    public async Task Hundreds_of_frames_converted_whole_keep_every_frame_the_delays_and_the_loop()
    {
        // No step moves pixels across frames here (format, filter): the strip is converted at once.
        const int frames = 600;
        var input = ManyFrameWebp(8, 8, frames);
        var transformation = TransformerHarness.Identity(8, 8, ImageFormat.Webp) with { Filter = Filter.Grayscale };

        var (attributes, output) = await _harness.RunAsync(input, transformation);

        using (output)
        {
            Assert.Equal((8, 8, frames, 2), (attributes.Width, attributes.Height, attributes.PageCount, attributes.Loop));
            Assert.Equal(frames, (int)output.Get("n-pages"));
            Assert.Equal(8, output.PageHeight);
            using var pixels = output.CopyMemory();
            for (var page = 0; page < frames; page += 7)
            {
                var pixel = pixels.Getpoint(4, page * 8 + 4);
                Assert.True(Math.Abs(pixel[0] - 0.7152 * Green(page)) <= 12, $"page {page}: {string.Join(",", pixel)} ");
                Assert.InRange(pixel[1], pixel[0] - 6, pixel[0] + 6); // grey: lossy WebP keeps it within a few levels
            }
        }
    }

    private static int Green(int page) => page * 37 % 256;

    /// <summary>A lossless animated WebP whose frame <c>i</c> is filled with green <see cref="Green"/>(i), 40 ms each, looping twice.</summary>
    private static byte[] ManyFrameWebp(int width, int height, int frames)
    {
        using var xyz = Image.Xyz(width, height * frames);
        using var fraction = xyz[1] / height;
        using var page = fraction.Floor();
        using var green = (page * 37 % 256).Cast(Enums.BandFormat.Uchar);
        using var zero = green * 0;
        using var rgb = zero.Bandjoin(green, zero).Copy(interpretation: Enums.Interpretation.Srgb);
        using var animated = rgb.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", height);
            m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(40, frames).ToArray());
            m.Set(GValue.GIntType, "loop", 2);
        });
        return animated.WebpsaveBuffer(lossless: true);
    }

    public void Dispose() => _harness.Dispose();
}
