using Konifer.Core.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Sizes an image with libvips' thumbnail operation, which shrinks on load (JPEG, WebP, HEIF) so huge originals never
/// decode at full size. The transformation's Width×Height is the output frame (after rotation, as the normalizer
/// defines it); resizing happens before the rotation step, so a quarter turn resizes to Height×Width. EXIF
/// orientation is not applied here because the normalizer resolves <c>r=auto</c> into an explicit rotation.
/// </summary>
internal static class VipsResizing
{
    /// <summary>Loads the first page of <paramref name="file"/> already resized.</summary>
    public static Image LoadResized(string file, Transformation transformation)
    {
        var (size, crop) = Mode(transformation);
        var (width, height) = Box(transformation);
        return Image.Thumbnail(file, width, height, size: size, noRotate: true, crop: crop,
            failOn: Enums.FailOn.Error);
    }

    /// <summary>Resizes one decoded frame (animations are resized frame by frame so pages stay apart).</summary>
    public static Image Resize(Image frame, Transformation transformation)
    {
        if (!Changes(frame.Width, frame.Height, transformation)) return frame;
        var (width, height) = Box(transformation);
        var (size, crop) = Mode(transformation);
        return frame.ThumbnailImage(width, height, size: size, noRotate: true, crop: crop);
    }

    /// <summary>Whether <see cref="Resize"/> would change a frame of this size.</summary>
    public static bool Changes(int frameWidth, int frameHeight, Transformation transformation) =>
        Box(transformation) != (frameWidth, frameHeight);

    /// <summary>The box in the source's stored orientation: the output frame, turned back when the rotation swaps axes.</summary>
    private static (int Width, int Height) Box(Transformation transformation) =>
        transformation.Rotate.SwapsAxes() ? (transformation.Height, transformation.Width) : (transformation.Width, transformation.Height);

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
