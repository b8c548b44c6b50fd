namespace Konifer.Transformations;

/// <summary>
/// Ranges of the numeric parameters. The size bounds are ours (the reference has none): 8192 px keeps the largest
/// output at 256 MiB of RGBA pixels and inside every encoder's limits (WebP stops at 16383), and 2048 px of padding
/// per side is far beyond any border a page needs.
/// </summary>
public static class TransformationLimits
{
    public const int MaxDimension = 8192;
    public const int MaxPadding = 2048;
    public const int MaxBlur = 150;
    public const int MinQuality = 1;
    public const int MaxQuality = 100;
}
