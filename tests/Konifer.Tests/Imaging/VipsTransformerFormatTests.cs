using Konifer.Core.Images;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Imaging;

public sealed class VipsTransformerFormatTests : IDisposable
{
    private readonly TransformerHarness _harness = new();

    [Theory]
    [InlineData(ImageFormat.Jpeg, "jpegload")]
    [InlineData(ImageFormat.Png, "pngload")]
    [InlineData(ImageFormat.Webp, "webpload")]
    [InlineData(ImageFormat.Avif, "heifload")]
    [InlineData(ImageFormat.Heic, "heifload")]
    [InlineData(ImageFormat.Jxl, "jxlload")]
    [InlineData(ImageFormat.Gif, "gifload")]
    public async Task Writes_each_format_at_the_requested_size(ImageFormat format, string loader)
    {
        var transformation = TransformerHarness.Identity(32, 16, format);

        var (attributes, output) = await _harness.RunAsync(TestImages.Gradient(64, 32), transformation);

        using (output)
        {
            Assert.Equal(loader, TransformerHarness.Loader(output));
            Assert.Equal((32, 16), (output.Width, output.Height));
            Assert.Equal(new ImageAttributes(32, 16, format, 1, format is ImageFormat.Gif or ImageFormat.Webp ? 0 : null, "srgb"), attributes);
            // Left is red, right is blue in the gradient: the pixels survived the trip.
            var left = output.Getpoint(1, 8);
            var right = output.Getpoint(30, 8);
            Assert.True(left[0] > 180 && left[2] < 80, $"left {string.Join(',', left)}");
            Assert.True(right[2] > 180 && right[0] < 80, $"right {string.Join(',', right)}");
        }
    }

    [Fact]
    public async Task Tells_avif_from_heic_in_the_written_file()
    {
        var (_, avif) = await _harness.RunAsync(TestImages.Gradient(32, 32), TransformerHarness.Identity(32, 32, ImageFormat.Avif));
        var (_, heic) = await _harness.RunAsync(TestImages.Gradient(32, 32), TransformerHarness.Identity(32, 32, ImageFormat.Heic));
        using (avif)
        using (heic)
        {
            Assert.Equal("av1", (string)avif.Get("heif-compression"));
            Assert.Equal("hevc", (string)heic.Get("heif-compression"));
        }
    }

    [Fact]
    public async Task Jpeg_quality_changes_the_encoding()
    {
        var photo = TestImages.Gradient(96, 96);
        var outputs = new List<long>();
        foreach (var quality in new[] { 10, 95 })
        {
            var source = _harness.WriteInput(photo);
            var attributes = await new Konifer.Imaging.VipsImageInspector().InspectAsync(source, default);
            var output = _harness.OutputPath();
            await _harness.Transformer.TransformAsync(source, attributes,
                TransformerHarness.Identity(96, 96, ImageFormat.Jpeg) with { Quality = quality }, output, default);
            outputs.Add(new FileInfo(output).Length);
        }
        Assert.True(outputs[0] < outputs[1], $"q10 {outputs[0]} bytes, q95 {outputs[1]} bytes");
    }

    [Fact]
    public async Task Alpha_saved_as_jpeg_is_flattened_on_white()
    {
        var (_, output) = await _harness.RunAsync(PipelineImages.RedSquareOnTransparent(32, 8),
            TransformerHarness.Identity(32, 32, ImageFormat.Jpeg));
        using (output)
        {
            Assert.Equal(3, output.Bands);
            Assert.All(output.Getpoint(1, 1), v => Assert.InRange(v, 245, 255));
            var centre = output.Getpoint(16, 16);
            Assert.True(centre[0] > 200 && centre[1] < 60, string.Join(',', centre));
        }
    }

    [Fact]
    public async Task Png_keeps_transparency()
    {
        var (_, output) = await _harness.RunAsync(PipelineImages.RedSquareOnTransparent(32, 8),
            TransformerHarness.Identity(32, 32, ImageFormat.Png));
        using (output)
        {
            Assert.Equal(4, output.Bands);
            Assert.Equal(0, output.Getpoint(1, 1)[3]);
            Assert.Equal(255, output.Getpoint(16, 16)[3]);
        }
    }

    public void Dispose() => _harness.Dispose();
}
