using Konifer.Core.Assets;

namespace Konifer.Assets;

/// <summary>What to delete: matching entries at one path, or (recursive) the path and everything below it.</summary>
public sealed record DeleteAssetsCommand(AssetPath Path, AssetQuery Query, bool Recursive);
