using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;

namespace Konifer.Core.Assets;

/// <summary>
/// One stored rendition of an asset. Exactly one per asset is the original variant (no transformation); every other
/// variant is identified within its asset by its canonical <see cref="Transformation"/>. <see cref="ExpiresAt"/> is
/// set for paths whose variants expire (ttl: from creation; idle: pushed forward on access).
/// </summary>
public sealed record Variant(
    Guid Id,
    bool IsOriginal,
    ObjectLocation Location,
    ImageAttributes Attributes,
    Lqip Lqip,
    DateTimeOffset CreatedAt,
    Transformation? Transformation = null,
    DateTimeOffset? ExpiresAt = null);
