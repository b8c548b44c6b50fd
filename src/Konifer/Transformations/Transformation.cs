using Konifer.Assets;

namespace Konifer.Transformations;

/// <summary>
/// A canonical transformation: every default filled in and equivalent requests folded to one value, so record
/// equality is the variant cache key. Width and height are the output size before padding.
/// </summary>
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
    ColorSpace ColorSpace);
