using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Core.Images;

/// <summary>What normalization needs to know about an output format: its quality default and whether it has alpha.</summary>
public static class FormatTraits
{
    /// <summary>Whether <c>q</c> changes the output; for the others the quality is always <see cref="DefaultQuality"/>.</summary>
    public static bool HasQuality(this ImageFormat format) => format is not (ImageFormat.Png or ImageFormat.Gif);

    /// <summary>The reference's defaults (Sharp's recommendations); 100 for the lossless or palette formats.</summary>
    public static int DefaultQuality(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => 80,
        ImageFormat.Webp => 80,
        ImageFormat.Avif => 50,
        ImageFormat.Jxl => 90,
        ImageFormat.Heic => 50,
        ImageFormat.Png or ImageFormat.Gif => 100,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Whether padding defaults to transparent (else white). GIF's one-bit transparency does not count, as in the reference.</summary>
    public static bool HasAlpha(this ImageFormat format) => format is not (ImageFormat.Jpeg or ImageFormat.Gif);

    /// <summary>Formats that keep several frames with delays and a loop count (animated GIF and WebP).</summary>
    public static bool CanAnimate(this ImageFormat format) => format is ImageFormat.Gif or ImageFormat.Webp;

    public static Rgba DefaultPadColor(this ImageFormat format) =>
        format.HasAlpha() ? new Rgba(0, 0, 0, 0) : new Rgba(255, 255, 255, 255);
}
