namespace Konifer.Core.Assets;

/// <summary>
/// The accesses of one generated variant counted in memory since the previous flush, written to the metadata store in
/// one batch: counting per request would cost a write on every cache hit.
/// </summary>
/// <param name="Count">Accesses since the previous flush; added to the variant's decayed access score.</param>
/// <param name="LastAccessedAt">When the latest of them happened.</param>
/// <param name="ExpiresAt">For idle-expiring variants, the expiry the latest access gives (null otherwise): only ever moved forward.</param>
/// <param name="AccessScoreHalfLife">The half-life of the variant's path (<c>transform.retention.cache.access-score-half-life</c>).</param>
public sealed record VariantAccess(
    Guid AssetId,
    Guid VariantId,
    long Count,
    DateTimeOffset LastAccessedAt,
    DateTimeOffset? ExpiresAt,
    TimeSpan AccessScoreHalfLife);
