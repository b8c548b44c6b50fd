using NetVips;

namespace Konifer.Tests.Imaging;

/// <summary>Inputs for the transformation pipeline tests, drawn with libvips: marked corners, edges, patches, EXIF.</summary>
internal static class PipelineImages
{
    public static readonly double[] Red = [255, 0, 0];
    public static readonly double[] Blue = [0, 0, 255];

    /// <summary>A blue image with a red <paramref name="mark"/>×<paramref name="mark"/> square in its top-left corner.</summary>
    public static byte[] MarkedCorner(int width, int height, int mark = 4, string suffix = ".png")
    {
        using var blue = Filled(width, height, Blue);
        using var red = Filled(mark, mark, Red);
        using var marked = blue.Insert(red, 0, 0);
        return marked.WriteToBuffer(suffix);
    }

    /// <summary>Black left half, white right half: a perfectly sharp vertical edge.</summary>
    public static byte[] SharpEdge(int width, int height)
    {
        using var black = Filled(width, height, [0, 0, 0]);
        using var white = Filled(width / 2, height, [255, 255, 255]);
        using var edge = black.Insert(white, width / 2, 0);
        return edge.WriteToBuffer(".png");
    }

    /// <summary>Flat mid-grey with a patch of saturated random noise along the right edge.</summary>
    public static byte[] DetailAtRightEdge(int width, int height, int patchWidth)
    {
        using var grey = Filled(width, height, [128, 128, 128]);
        using var noise = Image.Gaussnoise(patchWidth, height, mean: 128, sigma: 90);
        using var noise2 = Image.Gaussnoise(patchWidth, height, mean: 128, sigma: 90, seed: 7);
        using var noise3 = Image.Gaussnoise(patchWidth, height, mean: 128, sigma: 90, seed: 11);
        using var joined = noise.Bandjoin(noise2, noise3);
        using var patch = joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var image = grey.Insert(patch, width - patchWidth, 0);
        return image.WriteToBuffer(".png");
    }

    /// <summary>An opaque red square in a fully transparent RGBA canvas.</summary>
    public static byte[] RedSquareOnTransparent(int size, int square)
    {
        using var clear = Image.Black(size, size, bands: 4).Copy(interpretation: Enums.Interpretation.Srgb);
        using var red = Filled(square, square, [255, 0, 0, 255]);
        using var image = clear.Insert(red, (size - square) / 2, (size - square) / 2);
        using var uchar = image.Cast(Enums.BandFormat.Uchar);
        return uchar.WriteToBuffer(".png");
    }

    /// <summary>A JPEG whose EXIF block says the camera was turned (orientation 6).</summary>
    public static byte[] JpegWithExifOrientation(int width, int height, int orientation)
    {
        using var image = Image.NewFromBuffer(MarkedCorner(width, height));
        using var tagged = image.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation));
        return tagged.WriteToBuffer(".jpg");
    }

    /// <summary>An animated GIF whose frames differ in colour and which loops <paramref name="loop"/> times.</summary>
    public static byte[] AnimatedGif(int width, int height, int frames, int loop)
    {
        var pages = Enumerable.Range(0, frames).Select(i => Filled(width, height, [i * 60 % 256, 200 - i * 40, 30])).ToArray();
        using var strip = Image.Arrayjoin(pages, across: 1);
        foreach (var page in pages) page.Dispose();
        using var animated = strip.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", height);
            m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(80, frames).ToArray());
            m.Set(GValue.GIntType, "loop", loop);
        });
        return animated.WriteToBuffer(".gif");
    }

    public static Image Filled(int width, int height, double[] colour)
    {
        using var black = Image.Black(width, height, bands: colour.Length);
        using var sum = black + colour;
        using var uchar = sum.Cast(Enums.BandFormat.Uchar);
        return uchar.Copy(interpretation: Enums.Interpretation.Srgb);
    }
}
