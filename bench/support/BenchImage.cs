using NetVips;

namespace Konifer.Bench.Support;

/// <summary>The uploaded image: a photo-like JPEG (gradient plus noise, so it does not compress to nothing).</summary>
public static class BenchImage
{
    public static byte[] Jpeg(int width, int height)
    {
        using var x = Image.Xyz(width, height);
        using var ramp = x[0] * (255.0 / width);
        using var noise = Image.Gaussnoise(width, height, mean: 128, sigma: 40);
        using var joined = ramp.Bandjoin(noise, 255 - ramp);
        using var rgb = joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgb.WriteToBuffer(".jpg[Q=85]");
    }
}
