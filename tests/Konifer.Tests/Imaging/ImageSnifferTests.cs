using Konifer.Core.Images;
using Konifer.Imaging;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Imaging;

public class ImageSnifferTests
{
    [Theory]
    [InlineData(".jpg", ImageFormat.Jpeg)]
    [InlineData(".png", ImageFormat.Png)]
    [InlineData(".webp", ImageFormat.Webp)]
    [InlineData(".gif", ImageFormat.Gif)]
    [InlineData(".avif", ImageFormat.Avif)]
    [InlineData(".heic", ImageFormat.Heic)]
    [InlineData(".jxl", ImageFormat.Jxl)]
    public void Detects_libvips_output_of_every_format(string suffix, ImageFormat expected) =>
        Assert.Equal(expected, ImageSniffer.Detect(TestImages.Gradient(16, 16, suffix)));

    [Theory]
    [InlineData("")]
    [InlineData("GIF8")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'/>")]
    [InlineData("RIFF\0\0\0\0WAVEfmt ")]
    [InlineData("%PDF-1.7")]
    public void Refuses_other_content(string text) =>
        Assert.Null(ImageSniffer.Detect(System.Text.Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Tells_avif_from_heic_by_compatible_brand()
    {
        byte[] mif1 = [0, 0, 0, 0x1C, .."ftyp"u8, .."mif1"u8, 0, 0, 0, 0, .."mif1"u8, .."avif"u8, .."miaf"u8];
        Assert.Equal(ImageFormat.Avif, ImageSniffer.Detect(mif1));
        byte[] heic = [0, 0, 0, 0x18, .."ftyp"u8, .."mif1"u8, 0, 0, 0, 0, .."mif1"u8, .."heic"u8];
        Assert.Equal(ImageFormat.Heic, ImageSniffer.Detect(heic));
    }
}
