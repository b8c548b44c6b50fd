using Konifer.Assets;
using Konifer.Transformations;

namespace Konifer.Variants.Scheduling;

/// <summary>
/// The peak memory one generation job is expected to need, which it reserves from the scheduler's budget while it
/// runs. Errs on the large side: over-estimating only delays a job, under-estimating can get the process killed.
/// The per-pixel figures are peak RSS over output pixels measured with libvips 8.14 (see <c>bench/README.md</c>,
/// "Memory"), rounded up.
/// </summary>
public static class MemoryEstimate
{
    /// <summary>
    /// libvips' tile buffers, per-thread state and a streaming encoder's own buffers: a whole 50 MP JPEG → JPEG
    /// conversion peaks at about 55 MB of RSS including the runtime, and that does not grow with the image.
    /// </summary>
    public const long StreamingWorkingSet = 48L << 20;

    /// <summary>
    /// Peak bytes per source pixel of a decoder that cannot stream: a 400 px thumbnail of a 50 MP HEIC, JPEG XL or
    /// GIF peaks at 335 to 357 MB (the decoded RGBA frame plus the decoder's own planes).
    /// </summary>
    private const int BytesPerDecodedPixel = 7;

    public static long For(Transformation transformation, ImageAttributes original)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(original);
        var pages = transformation.Format.OutputPages(original);
        var width = (long)transformation.Width + 2L * transformation.Padding.Amount;
        var height = (long)transformation.Height + 2L * transformation.Padding.Amount;
        var encoder = transformation.Format.Memory() == EncoderMemory.FullFrame
            ? width * height * pages * BytesPerOutputPixel(transformation.Format)
            : 0;
        var decoder = DecodesWholeFrame(original.Format) ? (long)original.Width * original.Height * pages * BytesPerDecodedPixel : 0;
        return StreamingWorkingSet + encoder + decoder;
    }

    /// <summary>
    /// Peak bytes per output pixel of the full-frame encoders, measured at 50 MP: the RGBA frame libvips renders for
    /// them plus the encoder's own copies. WebP 5.5, GIF 12.7 (palette search), HEIC 16.7, JPEG XL 77 and AVIF over 90
    /// (libaom's reconstruction and look-ahead buffers), each rounded up.
    /// </summary>
    private static long BytesPerOutputPixel(ImageFormat format) => format switch
    {
        ImageFormat.Webp => 6,
        ImageFormat.Gif => 13,
        ImageFormat.Heic => 17,
        ImageFormat.Jxl => 78,
        ImageFormat.Avif => 96,
        _ => 4,
    };

    /// <summary>
    /// Loaders that decode the whole source frame before libvips can shrink it: libheif (AVIF, HEIC), libjxl and
    /// GIF. JPEG shrinks while decoding, PNG and WebP decode line by line or scaled.
    /// </summary>
    private static bool DecodesWholeFrame(ImageFormat format) =>
        format is ImageFormat.Avif or ImageFormat.Heic or ImageFormat.Jxl or ImageFormat.Gif;
}
