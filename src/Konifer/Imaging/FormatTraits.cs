using Konifer.Assets;

namespace Konifer.Imaging;

/// <summary>What each output format can hold, as far as the pipeline has to care.</summary>
internal static class FormatTraits
{
    /// <summary>Formats that keep several frames with delays and a loop count.</summary>
    public static bool CanAnimate(this ImageFormat format) => format is ImageFormat.Gif or ImageFormat.Webp;

    /// <summary>
    /// Formats with a real alpha channel. GIF only has on/off transparency, so like JPEG it gets opaque padding
    /// (the reference treats both as "no alpha").
    /// </summary>
    public static bool HoldsAlpha(this ImageFormat format) =>
        format is ImageFormat.Png or ImageFormat.Webp or ImageFormat.Avif or ImageFormat.Jxl or ImageFormat.Heic;

    /// <summary>Formats that cannot store transparency at all: alpha is flattened on white before saving.</summary>
    public static bool FlattensAlpha(this ImageFormat format) => format is ImageFormat.Jpeg;
}
