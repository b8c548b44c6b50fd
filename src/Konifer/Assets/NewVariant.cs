using Konifer.Transformations;

namespace Konifer.Assets;

/// <summary>A generated variant about to be reserved (pending) in the metadata store, before its bytes are uploaded.</summary>
public sealed record NewVariant(
    Transformation Transformation,
    ObjectLocation Location,
    ImageAttributes Attributes,
    Lqip Lqip,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
