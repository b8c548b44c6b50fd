using System.Globalization;

namespace Konifer.Client;

/// <summary>
/// The transformation parameters of a variant URL (<c>w</c>, <c>h</c>, <c>fit</c>, <c>format</c>, …). Unset values are
/// left to the server's defaults and to a named <see cref="Profile"/>, which explicit values override. Equivalent
/// transformations share one stored variant: the server normalizes them.
/// </summary>
public sealed record ImageTransformation
{
    public string? Profile { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public Fit? Fit { get; init; }
    public Gravity? Gravity { get; init; }
    public ImageFormat? Format { get; init; }
    public Rotation? Rotate { get; init; }
    public Flip? Flip { get; init; }
    public Filter? Filter { get; init; }

    /// <summary>Gaussian blur sigma, 0–150.</summary>
    public int? Blur { get; init; }

    /// <summary>1–100, for lossy formats.</summary>
    public int? Quality { get; init; }

    /// <summary>A border in pixels.</summary>
    public int? Padding { get; init; }

    /// <summary>The border's colour, <c>#RGB[A]</c> or <c>#RRGGBB[AA]</c>.</summary>
    public string? PaddingColor { get; init; }

    public MetadataStrip? Strip { get; init; }
    public ColorSpace? ColorSpace { get; init; }

    /// <summary>No parameter at all: the original.</summary>
    public static ImageTransformation None { get; } = new();

    /// <summary>A named profile of the server's <c>variant-profiles</c>.</summary>
    public static ImageTransformation ForProfile(string profile) => new() { Profile = profile };

    /// <summary>The query parameters, in a fixed order (the server sorts them before signing anyway).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToQuery()
    {
        var query = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (value is not null) query.Add(new(key, value));
        }
        Add("profile", Profile);
        Add("w", Number(Width));
        Add("h", Number(Height));
        Add("fit", Fit?.ToString().ToLowerInvariant());
        Add("g", Gravity?.ToString().ToLowerInvariant());
        Add("format", Format?.ToString().ToLowerInvariant());
        Add("r", Rotate switch
        {
            null => null,
            Rotation.Auto => "auto",
            _ => Number((int)Rotate.Value),
        });
        Add("f", Flip switch
        {
            null => null,
            Client.Flip.Horizontal => "h",
            Client.Flip.Vertical => "v",
            _ => "none",
        });
        Add("filter", Filter switch
        {
            null => null,
            Client.Filter.BlackWhite => "black_white",
            _ => Filter.Value.ToString().ToLowerInvariant(),
        });
        Add("blur", Number(Blur));
        Add("q", Number(Quality));
        Add("pad", Number(Padding));
        Add("pad-c", PaddingColor);
        Add("strip", Strip is { } strip && strip != MetadataStrip.None
            ? string.Join(',', Enum.GetValues<MetadataStrip>().Where(s => s != MetadataStrip.None && strip.HasFlag(s)).Select(s => s.ToString().ToLowerInvariant()))
            : null);
        Add("cs", ColorSpace?.ToString().ToLowerInvariant());
        return query;
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
