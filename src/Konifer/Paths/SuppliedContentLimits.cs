using Konifer.Core.Assets;
using Konifer.Core.Images;

namespace Konifer.Paths;

/// <summary>
/// <c>limits</c>: the largest image a path accepts as an upload or a URL source, checked on the supplied image after
/// its format is known and before preprocessing, so nothing is stored when it fails. The reference's keys, defaults,
/// order of checks and messages; it answers 422, we answer 400 like every other refused source.
/// </summary>
/// <remarks>
/// The process-wide <c>source.max-pixels</c>, <c>max-dimension</c> and <c>max-frames</c> (ours, see
/// <c>docs/safety.md</c>) are checked first, from the header, as the guard against decompression bombs; these are the
/// per-path policy on top. For an animation, the pixels are those of one page.
/// </remarks>
public sealed record SuppliedContentLimits(int MaxWidth, int MaxHeight, long MaxPixels, int MaxPages, long MaxPixelsPerPage)
{
    /// <summary>8192 px a side, 20 MP for a still image, 20 pages of at most 1 MP each for an animation.</summary>
    public static SuppliedContentLimits Default { get; } = new(8192, 8192, 20_000_000, 20, 1_000_000);

    /// <exception cref="BadRequestException">The image breaks a limit; the message is the reference's.</exception>
    public void Check(ImageAttributes image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Height > MaxHeight || image.Width > MaxWidth)
            throw new BadRequestException($"Content with dimensions ({image.Height}, {image.Width}) exceeds maximum defined dimensions");
        var pixels = (long)image.Height * image.Width;
        if (pixels > (image.PageCount > 1 ? MaxPixelsPerPage : MaxPixels))
            throw new BadRequestException($"Content with pixel count {pixels} exceeds maximum pixel amount");
        if (image.PageCount > 1 && image.PageCount > MaxPages)
            throw new BadRequestException($"Animated content with page count {image.PageCount} exceeds maximum defined page count");
    }
}
