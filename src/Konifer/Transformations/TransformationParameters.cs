using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>The parameter names of a transformation, as they appear in queries, profiles and preprocessing blocks.</summary>
public static class TransformationParameters
{
    public const string Width = "w";
    public const string Height = "h";
    public const string Fit = "fit";
    public const string Gravity = "g";
    public const string Format = "format";
    public const string Rotate = "r";
    public const string Flip = "f";
    public const string Filter = "filter";
    public const string Blur = "blur";
    public const string Quality = "q";
    public const string Pad = "pad";
    public const string PadColor = "pad-c";
    public const string Strip = "strip";
    public const string ColorSpace = "cs";
    public const string Profile = "profile";

    /// <summary>Only in <c>transform.preprocessing</c>: a downscale-only bound on the width.</summary>
    public const string ClampWidth = "clamp-width";

    /// <summary>Only in <c>transform.preprocessing</c>: a downscale-only bound on the height.</summary>
    public const string ClampHeight = "clamp-height";

    /// <summary>The older name of <see cref="ClampWidth"/>, still read.</summary>
    public const string MaxWidth = "max-width";

    /// <summary>The older name of <see cref="ClampHeight"/>, still read.</summary>
    public const string MaxHeight = "max-height";

    /// <summary>Every parameter that changes the output (everything but <c>profile</c>), in canonical query order.</summary>
    public static IReadOnlyList<string> Transforming { get; } =
        [Width, Height, Fit, Gravity, Format, Rotate, Flip, Filter, Blur, Quality, Pad, PadColor, Strip, ColorSpace];

    /// <summary>The names a fetch query reserves for transformations (so they are never label filters).</summary>
    public static IReadOnlySet<string> Query { get; } = new HashSet<string>([.. Transforming, Profile], StringComparer.Ordinal);
}
