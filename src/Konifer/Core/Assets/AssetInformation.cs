namespace Konifer.Core.Assets;

/// <summary>The replaceable part of an asset: alt text, labels and tags.</summary>
public sealed record AssetInformation(string? Alt, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> Tags)
{
    public const int MaxAltLength = 125;
    public const int MaxLabels = 50;
    public const int MaxLabelKeyLength = 128;
    public const int MaxLabelValueLength = 256;
    public const int MaxTags = 50;
    public const int MaxTagLength = 256;

    public static AssetInformation Empty { get; } = new(null, new Dictionary<string, string>(), []);

    /// <summary>Builds validated information; tags lose duplicates but keep their first-seen order.</summary>
    public static AssetInformation Create(string? alt, IReadOnlyDictionary<string, string>? labels, IEnumerable<string>? tags)
    {
        var info = new AssetInformation(alt, labels ?? new Dictionary<string, string>(), (tags ?? []).Distinct(StringComparer.Ordinal).ToArray());
        var error = info.Validate();
        if (error is not null) throw new InvalidAssetInformationException(error);
        return info;
    }

    public string? Validate()
    {
        if (Alt is { Length: > MaxAltLength }) return $"alt is {Alt.Length} characters long; at most {MaxAltLength} are allowed.";
        if (StorableText.Problem(Alt, "alt") is { } altProblem) return altProblem;
        if (Labels.Count > MaxLabels) return $"{Labels.Count} labels given; at most {MaxLabels} are allowed.";
        foreach (var (key, value) in Labels)
        {
            if (string.IsNullOrWhiteSpace(key)) return "A label key is empty.";
            if (key.Length > MaxLabelKeyLength) return $"The label key '{key[..32]}…' is longer than {MaxLabelKeyLength} characters.";
            if (value is null) return $"The label '{key}' has no value.";
            if (value.Length > MaxLabelValueLength) return $"The value of label '{key}' is longer than {MaxLabelValueLength} characters.";
            if ((StorableText.Problem(key, "A label key") ?? StorableText.Problem(value, $"The value of label '{Printable(key)}'")) is { } labelProblem)
                return labelProblem;
        }
        if (Tags.Count > MaxTags) return $"{Tags.Count} tags given; at most {MaxTags} are allowed.";
        foreach (var tag in Tags)
        {
            if (string.IsNullOrWhiteSpace(tag)) return "A tag is empty.";
            if (tag.Length > MaxTagLength) return $"The tag '{tag[..32]}…' is longer than {MaxTagLength} characters.";
            if (StorableText.Problem(tag, "A tag") is { } tagProblem) return tagProblem;
        }
        return null;
    }

    private static string Printable(string text) => text.Length > 32 ? text[..32] + "…" : text;
}
