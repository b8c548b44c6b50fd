using NetVips;

namespace Konifer.Bench.Variants;

/// <summary>The original every figure transforms, and copies of it under other names.</summary>
internal static class SourcePhoto
{
    /// <summary>A 2000×1500 photo-like JPEG (~500 KB): smooth gradients plus noise, so the encoders have real work.</summary>
    public static void Generate(string path)
    {
        using var noise = Image.Gaussnoise(2000, 1500, mean: 128, sigma: 20);
        using var xyz = Image.Xyz(2000, 1500);
        using var rgb = (noise * 0.4 + xyz[0] * 0.05).Bandjoin(noise * 0.3 + xyz[1] * 0.08, noise * 0.5).Cast(Enums.BandFormat.Uchar)
            .Copy(interpretation: Enums.Interpretation.Srgb);
        rgb.Jpegsave(path, q: 80);
    }

    /// <summary>
    /// <paramref name="count"/> byte-identical copies <c>photo-{i}.jpg</c> in <paramref name="directory"/>: the
    /// libvips and ipx sides move to the next copy where the service moves to a new upload, so that no side can be
    /// answered from a cache keyed on the file name (libvips' operation cache is).
    /// </summary>
    public static IReadOnlyList<string> Copies(string source, string directory, int count)
    {
        Directory.CreateDirectory(directory);
        return Enumerable.Range(0, count).Select(i =>
        {
            var copy = Path.Combine(directory, $"photo-{i}.jpg");
            File.Copy(source, copy, overwrite: true);
            return copy;
        }).ToArray();
    }

    public static (int Width, int Height) Size(string path)
    {
        using var image = Image.NewFromFile(path, access: Enums.Access.Sequential);
        return (image.Width, image.Height);
    }
}
