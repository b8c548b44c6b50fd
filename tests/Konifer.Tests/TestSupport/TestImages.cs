using NetVips;

namespace Konifer.Tests.TestSupport;

/// <summary>Images made by the tests themselves with libvips: solid colours and gradients in every format.</summary>
public static class TestImages
{
    /// <summary>A horizontal red-to-blue gradient, encoded with the given libvips suffix (".png", ".jpg", ".webp"…).</summary>
    public static byte[] Gradient(int width, int height, string suffix = ".png")
    {
        using var x = Image.Xyz(width, height);
        using var ramp = x[0] * (255.0 / Math.Max(1, width - 1));
        using var red = 255 - ramp;
        using var green = Image.Black(width, height) + 64;
        using var joined = red.Bandjoin(green, ramp);
        using var rgb = joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgb.WriteToBuffer(suffix);
    }

    public static byte[] Solid(int width, int height, int r, int g, int b, string suffix = ".png")
    {
        using var black = Image.Black(width, height, bands: 3);
        using var colour = (black + new double[] { r, g, b }).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return colour.WriteToBuffer(suffix);
    }

    /// <summary>An animated GIF with <paramref name="frames"/> frames of distinct colours, looping forever.</summary>
    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        var pages = Enumerable.Range(0, frames)
            .Select(i => (Image.Black(width, height, bands: 3) + new double[] { 40 * i % 256, 255 - 40 * i % 256, 128 }).Cast(Enums.BandFormat.Uchar))
            .ToArray();
        using var strip = Image.Arrayjoin(pages, across: 1).Copy(interpretation: Enums.Interpretation.Srgb);
        foreach (var p in pages) p.Dispose();
        using var animated = strip.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", height);
            m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frames).ToArray());
            m.Set(GValue.GIntType, "loop", 0);
        });
        return animated.WriteToBuffer(".gif");
    }

    /// <summary>
    /// An animation of many frames built as one strip (no join of thousands of images): frame <c>i</c> is grey
    /// <c>37·i mod 256</c>, 50 ms each, looping forever.
    /// </summary>
    public static byte[] LongAnimation(int width, int height, int frames, string suffix = ".gif")
    {
        using var xyz = Image.Xyz(width, height * frames);
        using var fraction = xyz[1] / height;
        using var page = fraction.Floor();
        using var grey = (page * 37 % 256).Cast(Enums.BandFormat.Uchar);
        using var rgb = grey.Bandjoin(grey, grey).Copy(interpretation: Enums.Interpretation.Srgb);
        using var animated = rgb.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", height);
            m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(50, frames).ToArray());
            m.Set(GValue.GIntType, "loop", 0);
        });
        return animated.WriteToBuffer(suffix);
    }

    public static ImageInfo Read(byte[] bytes)
    {
        using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
        var loader = ((string)image.Get("vips-loader")).Replace("_buffer", "");
        return new ImageInfo(loader, image.Width, image.Height);
    }
}

public sealed record ImageInfo(string Loader, int Width, int Height);
