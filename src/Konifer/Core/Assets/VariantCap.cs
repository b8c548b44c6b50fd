namespace Konifer.Core.Assets;

/// <summary>
/// How many ready generated variants an asset keeps (<c>transform.retention.cache</c> of its path), applied when a
/// new one becomes ready: the new one stays with the best <see cref="MaxVariants"/> − 1 others, ranked by access score
/// decayed with <see cref="AccessScoreHalfLife"/>, then last access, then creation (newest first). Originals and
/// pending variants are never counted nor removed.
/// </summary>
public sealed record VariantCap(int MaxVariants, TimeSpan AccessScoreHalfLife)
{
    /// <summary>The rank of a variant score at time <paramref name="at"/>: the score halves every half-life since it was last written.</summary>
    public double Decayed(double score, DateTimeOffset asOf, DateTimeOffset at) => Decay(score, asOf, at, AccessScoreHalfLife);

    /// <summary><c>score × 0.5^(max(0, at − asOf) / halfLife)</c>.</summary>
    public static double Decay(double score, DateTimeOffset asOf, DateTimeOffset at, TimeSpan halfLife)
    {
        var elapsed = Math.Max(0, (at - asOf).TotalSeconds);
        return score * Math.Pow(0.5, elapsed / halfLife.TotalSeconds);
    }
}
