using Konifer.Core.Images;

namespace Konifer.Core.Transformations;

/// <summary>
/// A canonical transformation: every default filled in and equivalent requests folded to one value, so record
/// equality is the variant cache key (see <see cref="TransformationNormalizer"/>).
/// </summary>
/// <remarks>
/// For the engine: <see cref="Width"/>×<see cref="Height"/> is the exact output size before padding, in the output's
/// frame, i.e. after rotation. Apply <see cref="Rotate"/> (clockwise) and then <see cref="Flip"/> (only
/// <see cref="Transformations.Flip.H"/> remains after normalization) to the original's stored pixels without any
/// EXIF auto-rotation, and drop the orientation tag; then size: <see cref="Transformations.Fit.Fit"/> and
/// <see cref="Transformations.Fit.Stretch"/> resize to exactly that size (for Fit the aspect is already kept),
/// <see cref="Transformations.Fit.Fill"/> covers it and crops around the centre, <see cref="Transformations.Fit.Crop"/>
/// covers it and crops by <see cref="Gravity"/>.
/// </remarks>
public sealed record Transformation(
    int Width,
    int Height,
    Fit Fit,
    Gravity Gravity,
    ImageFormat Format,
    Rotation Rotate,
    Flip Flip,
    Filter Filter,
    int Blur,
    int Quality,
    Padding Padding,
    MetadataStrip Strip,
    ColorSpace ColorSpace)
{
    /// <summary>
    /// A quarter or half turn, a flip or a blur reads the frame's rows out of order, so the engine must hold the
    /// resized frame for random access (memory up to <see cref="RandomAccessCopyInMemoryLimit"/>, a temporary file
    /// above): a cost the memory estimate counts.
    /// </summary>
    public bool ReadsOutOfOrder => Rotate != Rotation.Zero || Flip != Flip.None || Blur > 0;

    /// <summary>The largest frame (bytes) held in memory for random access; larger ones go through a temporary file.</summary>
    public const long RandomAccessCopyInMemoryLimit = 100L << 20;
}
