using Konifer.Core.Assets;

namespace Konifer.Search;

/// <summary>What to rank: entries under <paramref name="Root"/> by their embedding's dot product with <paramref name="Vector"/>.</summary>
/// <param name="Excluded">An entry left out (the one a <c>similar-to</c> query starts from).</param>
public sealed record SimilarityQuery(string Model, AssetPath Root, float[] Vector, int Limit, Guid? Excluded = null);
