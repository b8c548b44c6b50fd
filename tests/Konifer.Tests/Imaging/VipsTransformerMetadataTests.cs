using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Tests.Imaging;

public sealed class VipsTransformerMetadataTests : IDisposable
{
    private readonly TransformerHarness _harness = new();

    [Fact]
    public async Task Strip_exif_removes_the_exif_block()
    {
        var input = PipelineImages.JpegWithExifOrientation(32, 16, orientation: 3);
        using (var original = Image.NewFromBuffer(input)) Assert.True(original.Contains("exif-data"));
        var transformation = TransformerHarness.Identity(32, 16, ImageFormat.Jpeg);

        var (_, kept) = await _harness.RunAsync(input, transformation);
        var (attributes, stripped) = await _harness.RunAsync(input, transformation with { Strip = MetadataStrip.Exif });

        using (kept)
        using (stripped)
        {
            Assert.True(kept.Contains("exif-data"));
            Assert.False(stripped.Contains("exif-data"));
            Assert.Equal(1, attributes.Orientation);
        }
    }

    [Theory]
    [InlineData(ImageFormat.Webp)]
    [InlineData(ImageFormat.Avif)]
    [InlineData(ImageFormat.Heic)]
    public async Task Strip_exif_works_for_formats_whose_saver_rebuilds_exif(ImageFormat format)
    {
        var input = PipelineImages.JpegWithExifOrientation(32, 16, orientation: 3);
        var transformation = TransformerHarness.Identity(32, 16, format);

        var (_, kept) = await _harness.RunAsync(input, transformation);
        var (attributes, stripped) = await _harness.RunAsync(input, transformation with { Strip = MetadataStrip.Exif });

        using (kept)
        using (stripped)
        {
            Assert.True(kept.Contains("exif-data"));
            Assert.False(stripped.Contains("exif-data"));
            Assert.Equal((32, 16, format), (attributes.Width, attributes.Height, attributes.Format));
            var marked = stripped.Getpoint(1, 1);
            Assert.True(marked[0] > 180 && marked[2] < 90, string.Join(',', marked));
        }
    }

    [Fact]
    public async Task Strip_exif_keeps_xmp_and_the_colour_profile()
    {
        var p3 = TransformerHarness.Identity(32, 16, ImageFormat.Jpeg) with { ColorSpace = ColorSpace.P3 };
        var (_, wide) = await _harness.RunAsync(WithXmp(PipelineImages.JpegWithExifOrientation(32, 16, orientation: 1)), p3);
        var input = wide.WriteToBuffer(".jpg");
        wide.Dispose();

        var (_, stripped) = await _harness.RunAsync(input, p3 with { ColorSpace = ColorSpace.Origin, Strip = MetadataStrip.Exif });

        using (stripped)
        {
            Assert.False(stripped.Contains("exif-data"));
            Assert.True(stripped.Contains("xmp-data"));
            Assert.True(stripped.Contains("icc-profile-data"));
        }
    }

    [Fact]
    public async Task Strip_xmp_removes_only_the_xmp_block()
    {
        var input = WithXmp(PipelineImages.JpegWithExifOrientation(32, 16, orientation: 1));
        var transformation = TransformerHarness.Identity(32, 16, ImageFormat.Jpeg);

        var (_, kept) = await _harness.RunAsync(input, transformation);
        var (_, stripped) = await _harness.RunAsync(input, transformation with { Strip = MetadataStrip.Xmp });

        using (kept)
        using (stripped)
        {
            Assert.True(kept.Contains("xmp-data"));
            Assert.False(stripped.Contains("xmp-data"));
            Assert.True(stripped.Contains("exif-data"));
        }
    }

    [Fact]
    public async Task Cancelled_before_start_throws_and_writes_nothing()
    {
        var source = _harness.WriteInput(TestImages.Gradient(32, 32));
        var output = _harness.OutputPath();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _harness.Transformer.TransformAsync(source,
            new ImageAttributes(32, 32, ImageFormat.Png, 1, null, "srgb"), TransformerHarness.Identity(16, 16, ImageFormat.Webp),
            output, cancelled.Token));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Placeholder_pixels_are_small_upright_rgba()
    {
        var file = _harness.WriteInput(PipelineImages.JpegWithExifOrientation(64, 32, orientation: 6));

        var pixels = await _harness.Transformer.RenderPlaceholderPixelsAsync(file, new ImageAttributes(64, 32, ImageFormat.Jpeg, 1, null, "srgb", 6), 16, default);

        // Orientation 6 shows the 64×32 picture as 32×64, so it fits 16 as 8×16; the red corner shows top-right.
        Assert.Equal((8, 16), (pixels.Width, pixels.Height));
        Assert.Equal(8 * 16 * 4, pixels.Rgba.Length);
        var topRight = pixels.Rgba.AsSpan((0 * 8 + 7) * 4, 4).ToArray();
        var bottomLeft = pixels.Rgba.AsSpan((15 * 8 + 0) * 4, 4).ToArray();
        Assert.True(topRight[0] > 150 && topRight[2] < 120 && topRight[3] == 255, string.Join(',', topRight));
        Assert.True(bottomLeft[0] < 60 && bottomLeft[2] > 200 && bottomLeft[3] == 255, string.Join(',', bottomLeft));
    }

    [Fact]
    public async Task Placeholder_of_a_transparent_grey_image_is_rgba_with_its_alpha()
    {
        using var grey = PipelineImages.Filled(10, 10, [90, 0]).Copy(interpretation: Enums.Interpretation.Bw);
        var file = _harness.WriteInput(grey.WriteToBuffer(".png"));

        var pixels = await _harness.Transformer.RenderPlaceholderPixelsAsync(file, new ImageAttributes(10, 10, ImageFormat.Png, 1, null, "grayscale"), 32, default);

        Assert.Equal((10, 10), (pixels.Width, pixels.Height));
        Assert.Equal(new byte[] { 90, 90, 90, 0 }, pixels.Rgba[..4]);
    }

    private static byte[] WithXmp(byte[] jpeg)
    {
        using var image = Image.NewFromBuffer(jpeg);
        using var tagged = image.Mutate(m => m.Set(GValue.BlobType, "xmp-data", System.Text.Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></x:xmpmeta>")));
        return tagged.WriteToBuffer(".jpg");
    }

    public void Dispose() => _harness.Dispose();
}
