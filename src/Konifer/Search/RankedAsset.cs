using Konifer.Core.Assets;

namespace Konifer.Search;

/// <summary>One search result: the entry and the cosine similarity of its image embedding with the query (-1 to 1).</summary>
public sealed record RankedAsset(Asset Asset, double Similarity);
