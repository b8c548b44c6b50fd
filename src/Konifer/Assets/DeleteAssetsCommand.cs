using Konifer.Core.Assets;

namespace Konifer.Assets;

/// <summary>
/// What to delete: matching entries at one path (one exact entry, or the first <see cref="Limit"/> in
/// <see cref="Order"/>, default one), or (<see cref="Recursive"/>) the path and everything below it.
/// </summary>
/// <param name="Limit">As given; null when not given. A recursive delete refuses one.</param>
public sealed record DeleteAssetsCommand(
    AssetPath Path,
    long? EntryId,
    AssetOrder Order,
    IReadOnlyDictionary<string, string> Labels,
    int? Limit,
    bool Recursive);
