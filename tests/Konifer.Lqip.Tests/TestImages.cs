using NetVips;

namespace Konifer.LqipEncoders.Tests;

/// <summary>An image made with libvips, to check that what libvips decodes is laid out as the encoders expect.</summary>
internal static class TestImages
{
    /// <summary>A horizontal red-to-blue gradient as PNG (the same as Konifer.Tests' TestImages.Gradient).</summary>
    public static byte[] Gradient(int width, int height)
    {
        using var x = Image.Xyz(width, height);
        using var ramp = x[0] * (255.0 / Math.Max(1, width - 1));
        using var red = 255 - ramp;
        using var green = Image.Black(width, height) + 64;
        using var joined = red.Bandjoin(green, ramp);
        using var rgb = joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgb.WriteToBuffer(".png");
    }
}
