using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Variants;

/// <summary>
/// A placeholder only shows colours and the rough layout at a tiny size. Transformations that change neither
/// (format, quality, metadata, a blur, a plain resize keeping the aspect) reuse the original's placeholder
/// instead of computing it again.
/// </summary>
public static class PlaceholderRules
{
    public static bool CanReuse(Transformation transformation, ImageAttributes original) =>
        transformation.Rotate == Rotation.Zero
        && transformation.Flip == Flip.None
        && transformation.Filter == Filter.None
        && transformation.Padding.Amount == 0
        && transformation.ColorSpace is ColorSpace.Origin or ColorSpace.Srgb
        && KeepsAspect(transformation, original);

    private static bool KeepsAspect(Transformation transformation, ImageAttributes original)
    {
        if (transformation.Fit == Fit.Fit) return true;
        // Cropping or stretching to the same aspect changes nothing visible at placeholder size.
        var originalAspect = (double)original.Width / original.Height;
        var targetAspect = (double)transformation.Width / transformation.Height;
        return Math.Abs(originalAspect - targetAspect) < 0.01;
    }
}
