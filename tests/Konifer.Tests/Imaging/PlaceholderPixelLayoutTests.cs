using Konifer.LqipEncoders;
using Konifer.Tests.TestSupport;
using NetVips;

namespace Konifer.Tests.Imaging;

/// <summary>
/// What libvips decodes is laid out as the placeholder encoders expect (RGBA, rows top to bottom): the encoders'
/// own tests need no native library, so the seam between the two lives here.
/// </summary>
public class PlaceholderPixelLayoutTests
{
    [Fact]
    public void BlurHash_of_a_png_gradient_decoded_by_libvips_keeps_red_on_the_left_and_blue_on_the_right()
    {
        var (rgba, width, height) = Decode(TestImages.Gradient(60, 40));

        var pixels = BlurHash.Decode(BlurHash.Encode(rgba, width, height, PlaceholderImage.BlurHashComponentsX, PlaceholderImage.BlurHashComponentsY), 20, 4);

        var left = pixels.AsSpan(4 * 20 * 2, 4); // first pixel of the third row
        var right = pixels.AsSpan(4 * 20 * 2 + 4 * 19, 4);
        Assert.True(left[0] > 200 && left[2] < 60, $"left pixel {string.Join(",", left.ToArray())}");
        Assert.True(right[2] > 200 && right[0] < 60, $"right pixel {string.Join(",", right.ToArray())}");
    }

    [Fact]
    public void ThumbHash_of_a_png_gradient_decoded_by_libvips_keeps_red_on_the_left_and_blue_on_the_right()
    {
        var (rgba, width, height) = Decode(TestImages.Gradient(100, 60));

        var image = ThumbHash.ToRgba(ThumbHash.Encode(rgba, width, height));

        var row = image.Height / 2 * image.Width * 4;
        var left = image.Rgba.AsSpan(row, 4);
        var right = image.Rgba.AsSpan(row + (image.Width - 1) * 4, 4);
        Assert.True(left[0] > 180 && left[2] < 80, $"left pixel {string.Join(",", left.ToArray())}");
        Assert.True(right[2] > 180 && right[0] < 80, $"right pixel {string.Join(",", right.ToArray())}");
    }

    /// <summary>Decodes an encoded image with libvips into the 8-bit RGBA layout the placeholder encoders take.</summary>
    private static (byte[] Rgba, int Width, int Height) Decode(byte[] encoded)
    {
        using var image = Image.NewFromBuffer(encoded);
        using var srgb = image.Colourspace(Enums.Interpretation.Srgb);
        using var withAlpha = srgb.HasAlpha() ? srgb.Copy() : srgb.Bandjoin(255);
        using var bytes = withAlpha.Cast(Enums.BandFormat.Uchar);
        return (bytes.WriteToMemory<byte>(), bytes.Width, bytes.Height);
    }
}
