using Konifer.Core.Assets;

namespace Konifer.Search;

/// <summary>
/// <c>GET /assets/{path}/-/search</c>: rank the entries at <paramref name="Path"/> and below by similarity to a text
/// (<paramref name="Text"/>) or to the image of another entry at <paramref name="Path"/> (<paramref name="SimilarTo"/>).
/// </summary>
public sealed record SearchRequest(AssetPath Path, string? Text, long? SimilarTo, int Limit = SearchRequest.DefaultLimit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}
