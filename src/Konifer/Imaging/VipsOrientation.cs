using Konifer.Core.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Rotates clockwise FIRST, then mirrors. The normalizer folds every (rotate, flip) request into this order, e.g.
/// <c>f=v</c> ≡ rotate 180° then flip horizontally.
/// </summary>
internal static class VipsOrientation
{
    public static Image Rotate(Image image, Rotation rotation) => rotation switch
    {
        Rotation.Zero => image,
        Rotation.Ninety => image.Rot90(),
        Rotation.OneHundredEighty => image.Rot180(),
        Rotation.TwoHundredSeventy => image.Rot270(),
        _ => throw new ArgumentOutOfRangeException(nameof(rotation), rotation, "Unknown rotation"),
    };

    public static Image Flip(Image image, Flip flip) => flip switch
    {
        Core.Transformations.Flip.None => image,
        Core.Transformations.Flip.H => image.FlipHor(),
        // Not produced by the normalizer, but cheap to honour if a caller passes it.
        Core.Transformations.Flip.V => image.FlipVer(),
        _ => throw new ArgumentOutOfRangeException(nameof(flip), flip, "Unknown flip"),
    };

    /// <summary>
    /// Once the pixels are turned, an EXIF orientation tag would make viewers turn them again: mark them upright.
    /// </summary>
    public static Image MarkUpright(Image image) =>
        image.Contains("orientation") ? image.Mutate(m => m.Set(GValue.GIntType, "orientation", 1)) : image;
}
