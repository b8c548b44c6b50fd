using NetVips;

namespace Konifer.LqipEncoders.Tests;

/// <summary>Decodes an encoded image with libvips into the 8-bit RGBA layout the placeholder encoders take.</summary>
public static class VipsRgba
{
    public static (byte[] Rgba, int Width, int Height) Decode(byte[] encoded)
    {
        using var image = Image.NewFromBuffer(encoded);
        using var srgb = image.Colourspace(Enums.Interpretation.Srgb);
        using var withAlpha = srgb.HasAlpha() ? srgb.Copy() : srgb.Bandjoin(255);
        using var bytes = withAlpha.Cast(Enums.BandFormat.Uchar);
        return (bytes.WriteToMemory<byte>(), bytes.Width, bytes.Height);
    }
}
