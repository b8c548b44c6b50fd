using Konifer.Transformations;

namespace Konifer.Assets;

/// <summary>A generated variant whose bytes are already in the object store, about to be recorded.</summary>
public sealed record NewVariant(
    Transformation Transformation,
    ObjectLocation Location,
    ImageAttributes Attributes,
    Lqip Lqip,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
