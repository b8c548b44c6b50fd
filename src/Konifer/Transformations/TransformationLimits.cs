namespace Konifer.Transformations;

/// <summary>
/// Ranges of the numeric parameters, fixed for every path. The size bounds are ours: 8192 px keeps the largest
/// output at 256 MiB of RGBA pixels and inside every encoder's limits (WebP stops at 16383), and 2048 px of padding
/// per side is far beyond any border a page needs. The reference's per-path output limits, with the same 8192 px by
/// default, are <see cref="OutputSizeLimits"/> (<c>transform.limits</c>), checked after normalization.
/// </summary>
public static class TransformationLimits
{
    public const int MaxDimension = 8192;
    public const int MaxPadding = 2048;
    public const int MaxBlur = 150;
    public const int MinQuality = 1;
    public const int MaxQuality = 100;
}
