using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;

namespace Konifer.Core.Assets;

/// <summary>A generated variant about to be reserved (pending) in the metadata store, before its bytes are uploaded.</summary>
public sealed record NewVariant(
    Transformation Transformation,
    ObjectLocation Location,
    ImageAttributes Attributes,
    Lqip Lqip,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
