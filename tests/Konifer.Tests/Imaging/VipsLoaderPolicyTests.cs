using Konifer.Imaging;
using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Tests.Imaging;

/// <summary>After start-up only the seven advertised formats reach a libvips loader; every other parser is blocked.</summary>
public class VipsLoaderPolicyTests
{
    public VipsLoaderPolicyTests() => VipsRuntime.EnsureAvailable();

    public static TheoryData<string> BlockedFiles => new(OtherFormatFiles.Names);

    [Theory]
    [MemberData(nameof(BlockedFiles))]
    public void A_file_for_another_loader_is_refused(string name)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("konifer-blocked-").FullName, name);
        OtherFormatFiles.Write(file);
        var error = Assert.Throws<VipsException>(() =>
        {
            using var image = Image.NewFromFile(file);
            _ = image.Avg();
        });
        Assert.Contains("is blocked", error.Message);
    }

    [Fact]
    public void A_tiff_in_memory_is_refused_too()
    {
        using var black = Image.Black(2, 2);
        var tiff = black.TiffsaveBuffer();
        var error = Assert.Throws<VipsException>(() => Image.NewFromBuffer(tiff));
        Assert.Contains("is blocked", error.Message);
    }

    [Theory]
    [InlineData(".jpg", "jpegload")]
    [InlineData(".png", "pngload")]
    [InlineData(".webp", "webpload")]
    [InlineData(".avif", "heifload")]
    [InlineData(".heic", "heifload")]
    [InlineData(".jxl", "jxlload")]
    [InlineData(".gif", "gifload")]
    public void Every_advertised_format_still_loads_from_a_file_a_buffer_and_as_a_thumbnail(string suffix, string loader)
    {
        var bytes = TestImages.Gradient(40, 20, suffix);
        var file = Path.Combine(Directory.CreateTempSubdirectory("konifer-allowed-").FullName, "image" + suffix);
        File.WriteAllBytes(file, bytes);

        using (var image = Image.NewFromFile(file))
        {
            Assert.Equal(loader, (string)image.Get("vips-loader"));
            _ = image.Avg();
        }
        using (var image = Image.NewFromBuffer(bytes)) Assert.Equal((40, 20), (image.Width, image.Height));
        using (var thumbnail = Image.Thumbnail(file, 10)) Assert.Equal((10, 5), (thumbnail.Width, thumbnail.Height));
    }
}
