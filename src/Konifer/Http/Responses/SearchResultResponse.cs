using System.Text.Json.Serialization;
using Konifer.Search;

namespace Konifer.Http.Responses;

/// <summary>
/// One search result: the entry's path and similarity (<c>score</c>, the cosine of the embeddings, -1 to 1) followed
/// by the entry exactly as <c>info</c> answers it (the same fields, flattened, from <see cref="AssetResponse"/>).
/// </summary>
public sealed record SearchResultResponse : AssetResponse
{
    private SearchResultResponse(AssetResponse info, string path, double score) : base(info)
    {
        Path = path;
        Score = score;
    }

    [JsonPropertyOrder(-2)]
    public string Path { get; init; }

    [JsonPropertyOrder(-1)]
    public double Score { get; init; }

    public static SearchResultResponse From(RankedAsset ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return new(AssetResponse.From(ranked.Asset), ranked.Asset.Path.Value, Math.Round(ranked.Similarity, 6));
    }
}
