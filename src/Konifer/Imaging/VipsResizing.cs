using Konifer.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Sizes an image to the transformation's Width×Height with libvips' thumbnail operation, which shrinks on load
/// (JPEG, WebP, HEIF) so huge originals never decode at full size. The size is taken in the source's stored
/// orientation: EXIF orientation is not applied here because the normalizer resolves <c>r=auto</c> into an explicit
/// rotation that the orientation step performs.
/// </summary>
internal static class VipsResizing
{
    /// <summary>Loads the first page of <paramref name="file"/> already resized.</summary>
    public static Image LoadResized(string file, Transformation transformation)
    {
        var (size, crop) = Mode(transformation);
        return Image.Thumbnail(file, transformation.Width, transformation.Height, size: size, noRotate: true, crop: crop,
            failOn: Enums.FailOn.Error);
    }

    /// <summary>Resizes one decoded frame (animations are resized frame by frame so pages stay apart).</summary>
    public static Image Resize(Image frame, Transformation transformation)
    {
        if (frame.Width == transformation.Width && frame.Height == transformation.Height) return frame;
        var (size, crop) = Mode(transformation);
        return frame.ThumbnailImage(transformation.Width, transformation.Height, size: size, noRotate: true, crop: crop);
    }

    /// <summary>
    /// <c>fit</c> arrives with its aspect-derived size already computed, so it is forced like <c>stretch</c>;
    /// <c>fill</c> covers the box and keeps the centre, <c>crop</c> covers it and keeps what the gravity picks.
    /// </summary>
    private static (Enums.Size Size, Enums.Interesting? Crop) Mode(Transformation transformation) => transformation.Fit switch
    {
        Fit.Fit or Fit.Stretch => (Enums.Size.Force, null),
        Fit.Fill => (Enums.Size.Both, Enums.Interesting.Centre),
        Fit.Crop => (Enums.Size.Both, transformation.Gravity switch
        {
            Gravity.Entropy => Enums.Interesting.Entropy,
            Gravity.Attention => Enums.Interesting.Attention,
            _ => Enums.Interesting.Centre,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(transformation), transformation.Fit, "Unknown fit"),
    };
}
