using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Variants.Scheduling;

/// <summary>
/// How much image a generation job works through, in pixels: the figure that makes it a large job (over
/// <see cref="VariantGenerationSettings.LargeJobPixels"/>). Encoding time grows with the output, so the output frame
/// counts (padding and every kept animation frame included). A source that libvips decodes whole before shrinking
/// (AVIF, HEIC, JPEG XL, GIF) adds its own frames: a thumbnail of a 50 MP HEIC takes seconds, like a large conversion,
/// while JPEG and WebP shrink on load, so a thumbnail of them stays small whatever the source size.
/// </summary>
public static class WorkPixels
{
    public static long For(Transformation transformation, ImageAttributes original)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(original);
        var pages = transformation.Format.OutputPages(original);
        var output = ((long)transformation.Width + 2L * transformation.Padding.Amount) *
                     ((long)transformation.Height + 2L * transformation.Padding.Amount) * pages;
        // Only the kept frames are decoded.
        var decoded = original.Format.Info().DecoderMemory == DecoderMemory.FullFrame
            ? (long)original.Width * original.Height * pages
            : 0;
        return output + decoded;
    }
}
