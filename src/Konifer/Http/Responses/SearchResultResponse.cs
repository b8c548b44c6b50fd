using Konifer.Search;

namespace Konifer.Http.Responses;

/// <summary>
/// One search result: the entry's path and similarity (<c>score</c>, the cosine of the embeddings, -1 to 1) followed
/// by the entry exactly as <c>info</c> answers it (the same fields, flattened).
/// </summary>
public sealed record SearchResultResponse(
    string Path,
    double Score,
    string Class,
    string? Alt,
    long EntryId,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Tags,
    string Source,
    string? SourceUrl,
    IReadOnlyList<VariantResponse> Variants,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt)
{
    public static SearchResultResponse From(RankedAsset ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var info = AssetResponse.From(ranked.Asset);
        return new(ranked.Asset.Path.Value, Math.Round(ranked.Similarity, 6), info.Class, info.Alt, info.EntryId, info.Labels, info.Tags, info.Source,
            info.SourceUrl, info.Variants, info.CreatedAt, info.ModifiedAt);
    }
}
