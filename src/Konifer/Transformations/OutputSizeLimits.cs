using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>
/// <c>transform.limits</c>: the largest variant a path generates, checked on the normalized transformation (the size
/// in the output's own frame, padding included). The reference's keys, defaults and messages.
/// </summary>
/// <remarks>
/// Beside the ranges of <see cref="TransformationLimits"/> (ours: no <c>w</c> or <c>h</c> above 8192 is ever read)
/// and the per-encoder <see cref="OutputLimits"/> (<c>variant-generation.max-output-pixels</c>, which protect memory),
/// this is the per-path policy. A limit above 8192 px a side therefore only lets an output keep a large original's size.
/// </remarks>
public sealed record OutputSizeLimits(int MaxWidth, int MaxHeight, long MaxPixels)
{
    /// <summary>8192 px a side and 20 MP.</summary>
    public static OutputSizeLimits Default { get; } = new(8192, 8192, 20_000_000);

    /// <summary>Null when <paramref name="transformation"/> is within the limits, otherwise what it breaks.</summary>
    public string? Violation(Transformation transformation)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        var pad = 2L * transformation.Padding.Amount;
        return Violation(transformation.Width + pad, transformation.Height + pad);
    }

    /// <summary>
    /// What a configured transformation (preprocessing, an eager profile) breaks, knowing only its parameters: an
    /// unknown side is not checked, and without both sides neither are the pixels. Null when nothing is known to break.
    /// </summary>
    public string? Violation(long? width, long? height)
    {
        if (width > MaxWidth) return $"width {width} must not exceed {MaxWidth} limit";
        if (height > MaxHeight) return $"height {height} must not exceed {MaxHeight} limit";
        if (width * height > MaxPixels) return $"max image size exceeds configured maxPixels: {MaxPixels}";
        return null;
    }

    /// <summary>
    /// What a configured transformation (preprocessing, an eager profile) is known to break before any image is seen:
    /// its <c>w</c> and <c>h</c> (for preprocessing, the clamps where they are missing) plus padding; nothing with
    /// <c>r=auto</c>, whose sides depend on the image.
    /// </summary>
    public string? ConfiguredViolation(RequestedTransformation requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (requested.Rotate == RequestedRotation.Auto) return null;
        var pad = 2L * (requested.Pad ?? 0);
        return Violation((requested.Width ?? requested.ClampWidth) + pad, (requested.Height ?? requested.ClampHeight) + pad);
    }

    /// <exception cref="TransformationLimitException">The output would be larger than the path allows.</exception>
    public void Check(Transformation transformation)
    {
        if (Violation(transformation) is { } problem) throw new TransformationLimitException(problem);
    }
}
