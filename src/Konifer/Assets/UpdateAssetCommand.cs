using Konifer.Core.Assets;

namespace Konifer.Assets;

/// <summary>
/// New alt, labels and tags for one entry, as sent (checked by the use case). <see cref="Url"/> is a source URL the
/// client sent along, which an update refuses: content is immutable.
/// </summary>
public sealed record UpdateAssetCommand(
    AssetPath Path,
    long EntryId,
    string? Alt,
    IReadOnlyDictionary<string, string>? Labels,
    IReadOnlyList<string>? Tags,
    string? Url);
