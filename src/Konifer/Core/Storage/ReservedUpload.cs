using Konifer.Core.Assets;

namespace Konifer.Core.Storage;

/// <summary>
/// The bytes of a record reserved (pending) in the metadata store: the file to upload, where its record says it is,
/// and the asset entry it belongs to, original or variant (the log names it, in the words each had before).
/// </summary>
public sealed record ReservedUpload(string File, ObjectLocation Location, string ContentType, AssetPath Path, long EntryId, bool IsVariant);
