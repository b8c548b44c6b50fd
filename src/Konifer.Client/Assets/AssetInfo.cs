namespace Konifer.Client;

/// <summary>An entry as the server's <c>info</c> answers it: its texts, where it came from and its stored variants.</summary>
public sealed record AssetInfo(
    string Class,
    string? Alt,
    long EntryId,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Tags,
    string Source,
    string? SourceUrl,
    IReadOnlyList<VariantInfo> Variants,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt)
{
    /// <summary>The uploaded image (after the path's preprocessing).</summary>
    public VariantInfo Original => Variants.First(v => v.IsOriginalVariant);
}
