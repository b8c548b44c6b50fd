using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>
/// A transformation as asked for: each parameter only when it was given (null = use the default), the profile name,
/// and, for preprocessing only, the downscale bounds. Values are already checked one by one; rules that tie several
/// parameters together (e.g. <c>fit=fill</c> needs <c>w</c> and <c>h</c>) are checked when it is normalized, after a
/// profile is merged in.
/// </summary>
public sealed record RequestedTransformation
{
    public static RequestedTransformation None { get; } = new();

    public int? Width { get; init; }
    public int? Height { get; init; }
    public Fit? Fit { get; init; }
    public Gravity? Gravity { get; init; }
    public ImageFormat? Format { get; init; }
    public RequestedRotation? Rotate { get; init; }
    public Flip? Flip { get; init; }
    public Filter? Filter { get; init; }
    public int? Blur { get; init; }
    public int? Quality { get; init; }
    public int? Pad { get; init; }
    public Rgba? PadColor { get; init; }
    public MetadataStrip? Strip { get; init; }
    public ColorSpace? ColorSpace { get; init; }

    /// <summary>The <c>profile</c> parameter, as written.</summary>
    public string? Profile { get; init; }

    /// <summary><c>clamp-width</c> of <c>transform.preprocessing</c> (formerly <c>max-width</c>).</summary>
    public int? ClampWidth { get; init; }

    /// <summary><c>clamp-height</c> of <c>transform.preprocessing</c> (formerly <c>max-height</c>).</summary>
    public int? ClampHeight { get; init; }

    /// <summary>Nothing asked at all: the original variant.</summary>
    public bool IsEmpty => this == None;

    /// <summary>Some parameter other than <c>profile</c> was given (what <c>profile_only</c> refuses).</summary>
    public bool HasExplicitParameters => this with { Profile = null } != None;

    /// <summary>The names of the parameters given, in canonical order (for messages).</summary>
    public IReadOnlyList<string> GivenParameters()
    {
        var given = new List<string>();
        void Add(string name, bool present) { if (present) given.Add(name); }
        Add(TransformationParameters.Width, Width is not null);
        Add(TransformationParameters.Height, Height is not null);
        Add(TransformationParameters.Fit, Fit is not null);
        Add(TransformationParameters.Gravity, Gravity is not null);
        Add(TransformationParameters.Format, Format is not null);
        Add(TransformationParameters.Rotate, Rotate is not null);
        Add(TransformationParameters.Flip, Flip is not null);
        Add(TransformationParameters.Filter, Filter is not null);
        Add(TransformationParameters.Blur, Blur is not null);
        Add(TransformationParameters.Quality, Quality is not null);
        Add(TransformationParameters.Pad, Pad is not null);
        Add(TransformationParameters.PadColor, PadColor is not null);
        Add(TransformationParameters.Strip, Strip is not null);
        Add(TransformationParameters.ColorSpace, ColorSpace is not null);
        Add(TransformationParameters.ClampWidth, ClampWidth is not null);
        Add(TransformationParameters.ClampHeight, ClampHeight is not null);
        return given;
    }

    /// <summary>This request on top of a profile's values: every parameter given here wins over the profile's.</summary>
    public RequestedTransformation Over(RequestedTransformation profile) => new()
    {
        Width = Width ?? profile.Width,
        Height = Height ?? profile.Height,
        Fit = Fit ?? profile.Fit,
        Gravity = Gravity ?? profile.Gravity,
        Format = Format ?? profile.Format,
        Rotate = Rotate ?? profile.Rotate,
        Flip = Flip ?? profile.Flip,
        Filter = Filter ?? profile.Filter,
        Blur = Blur ?? profile.Blur,
        Quality = Quality ?? profile.Quality,
        Pad = Pad ?? profile.Pad,
        PadColor = PadColor ?? profile.PadColor,
        Strip = Strip ?? profile.Strip,
        ColorSpace = ColorSpace ?? profile.ColorSpace,
        ClampWidth = ClampWidth ?? profile.ClampWidth,
        ClampHeight = ClampHeight ?? profile.ClampHeight,
    };
}
