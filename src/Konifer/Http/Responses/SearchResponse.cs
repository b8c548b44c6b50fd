using Konifer.Search;

namespace Konifer.Http.Responses;

/// <summary>The answer of <c>/-/search</c>: the entries most similar first.</summary>
public sealed record SearchResponse(IReadOnlyList<SearchResultResponse> Results)
{
    public static SearchResponse From(IEnumerable<RankedAsset> ranked) => new(ranked.Select(SearchResultResponse.From).ToArray());
}
