using Konifer.Core.Images;

namespace Konifer.Core.Images;

/// <summary>
/// What the encoders behind each output format can do, as far as sizing and memory go. The figures are the encoders'
/// own hard limits, so an output past them is refused before any work instead of failing after minutes of decoding.
/// </summary>
public static class EncoderTraits
{
    /// <summary>Measured, not assumed: peak RSS grows with the output area only for the full-frame encoders.</summary>
    public static EncoderMemory Memory(this ImageFormat format) =>
        format is ImageFormat.Jpeg or ImageFormat.Png ? EncoderMemory.Streaming : EncoderMemory.FullFrame;

    /// <summary>
    /// The longest side the encoder accepts: libjpeg's 65500, libwebp's 16383, libheif's 16384 for AVIF and HEIC
    /// (checked on libvips 8.14: a wider HEIC fails to save, a wider AVIF saves but libheif's security limit refuses
    /// to read it back), JPEG XL's level 5 at 262144 and GIF's 16-bit header fields. PNG is only bounded by libvips'
    /// own coordinate limit.
    /// </summary>
    public static int MaxSide(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => 65_500,
        ImageFormat.Png => 10_000_000,
        ImageFormat.Webp => 16_383,
        ImageFormat.Avif => 16_384,
        ImageFormat.Heic => 16_384,
        ImageFormat.Jxl => 262_144,
        ImageFormat.Gif => 65_535,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>
    /// Sources whose loader decodes the whole frame before libvips can shrink it, even for a thumbnail: libheif (AVIF,
    /// HEIC), libjxl and GIF. JPEG shrinks while decoding, WebP decodes scaled, PNG line by line.
    /// </summary>
    public static bool DecodesWholeFrame(this ImageFormat source) =>
        source is ImageFormat.Avif or ImageFormat.Heic or ImageFormat.Jxl or ImageFormat.Gif;

    /// <summary>
    /// Whether every page of <paramref name="original"/> is carried into a <paramref name="output"/> image (both
    /// formats animate), so the output holds <see cref="ImageAttributes.PageCount"/> frames rather than one.
    /// </summary>
    public static int OutputPages(this ImageFormat output, ImageAttributes original) =>
        original.PageCount > 1 && Animates(original.Format) && Animates(output) ? original.PageCount : 1;

    private static bool Animates(ImageFormat format) => format is ImageFormat.Gif or ImageFormat.Webp;
}
