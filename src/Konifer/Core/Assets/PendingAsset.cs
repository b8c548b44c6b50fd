using Konifer.Core.Images;
using Konifer.Core.Storage;

namespace Konifer.Core.Assets;

/// <summary>An asset about to be stored: the record exists, not ready, while its original's bytes are uploaded.</summary>
public sealed record PendingAsset(
    AssetPath Path,
    AssetInformation Information,
    AssetSource Source,
    string? SourceUrl,
    ObjectLocation OriginalLocation,
    ImageAttributes OriginalAttributes,
    Lqip OriginalLqip,
    DateTimeOffset CreatedAt);
