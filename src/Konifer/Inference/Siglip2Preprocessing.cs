using NetVips;

namespace Konifer.Inference;

/// <summary>
/// The image tower's input, as the reference prepares it so that thresholds carry over: the first page scaled to
/// cover 224×224 and centre-cropped (not squashed as Hugging Face's processor does), EXIF orientation applied, sRGB,
/// three 8-bit bands, then planar R, G, B floats in −1…1.
/// </summary>
public static class Siglip2Preprocessing
{
    public const int Size = 224;

    /// <summary>Decodes <paramref name="imageFile"/> to <see cref="Size"/>² interleaved RGB bytes.</summary>
    public static byte[] LoadRgb(string imageFile)
    {
        using var thumbnail = Image.Thumbnail(imageFile, Size, height: Size, size: Enums.Size.Both,
            crop: Enums.Interesting.Centre, failOn: Enums.FailOn.Error);
        // Grey expands to three bands, CMYK and 16-bit become 8-bit sRGB; an alpha band is then dropped.
        using var srgb = thumbnail.Colourspace(Enums.Interpretation.Srgb);
        using var rgb = srgb.Bands > 3 ? srgb.ExtractBand(0, n: 3) : srgb.Copy();
        using var bytes = rgb.Format == Enums.BandFormat.Uchar ? rgb.Copy() : rgb.Cast(Enums.BandFormat.Uchar);
        if (bytes.Width != Size || bytes.Height != Size || bytes.Bands != 3)
            throw new InvalidOperationException($"Image preprocessing produced {bytes.Width}×{bytes.Height}×{bytes.Bands}, not {Size}×{Size}×3.");
        return bytes.WriteToMemory<byte>();
    }

    /// <summary>Interleaved RGB bytes to the model's NCHW <c>float[1,3,h,w]</c>: byte / 127.5 − 1.</summary>
    public static float[] ToTensor(ReadOnlySpan<byte> rgb, int width, int height)
    {
        var pixels = width * height;
        if (rgb.Length != pixels * 3) throw new ArgumentException($"Expected {pixels * 3} bytes of RGB, got {rgb.Length}.", nameof(rgb));
        var tensor = new float[pixels * 3];
        for (var p = 0; p < pixels; p++)
        {
            for (var c = 0; c < 3; c++) tensor[c * pixels + p] = rgb[p * 3 + c] / 127.5f - 1f;
        }
        return tensor;
    }
}
