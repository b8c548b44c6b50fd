using Konifer.Core.Assets;

namespace Konifer.Assets;

/// <summary>An upload, already spooled to a local temporary file (never held whole in memory).</summary>
public sealed record StoreAssetCommand(
    AssetPath Path,
    AssetInformation Information,
    string ContentFile,
    AssetSource Source,
    string? SourceUrl);
