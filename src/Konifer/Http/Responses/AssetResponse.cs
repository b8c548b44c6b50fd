using Konifer.Core.Assets;

namespace Konifer.Http.Responses;

/// <summary>
/// The asset JSON of the reference API: camelCase fields, lower-case enum words, UTC ISO 8601 times. Open so that a
/// search result can be the same JSON with its path and score (SearchResultResponse).
/// </summary>
public record AssetResponse(
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
    public static AssetResponse From(Asset asset) => new(
        "image",
        asset.Information.Alt,
        asset.EntryId,
        asset.Information.Labels,
        asset.Information.Tags,
        asset.Source switch { AssetSource.Url => "url", AssetSource.Arn => "arn", _ => "upload" },
        asset.SourceUrl,
        asset.Variants.Select(VariantResponse.From).ToArray(),
        asset.CreatedAt,
        asset.ModifiedAt);
}
