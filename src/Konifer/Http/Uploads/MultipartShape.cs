namespace Konifer.Http.Uploads;

/// <summary>
/// What one multipart endpoint expects of its <c>metadata</c> part and says when a part is missing: stores and rule
/// evaluations read the same two parts but answer in their own words (the reference's).
/// </summary>
/// <param name="What">How the metadata is named in JSON errors.</param>
/// <param name="Check">Refuses metadata that this endpoint cannot take (throws).</param>
/// <param name="NoMetadata">The message when no <c>metadata</c> part came.</param>
/// <param name="NoAsset">The message when no <c>asset</c> part came.</param>
/// <param name="FileMetadataIsMissing">Whether a <c>metadata</c> part sent as a file (with a file name) counts as absent.</param>
/// <param name="MetadataCheckedFirst">Whether a missing metadata part is reported before a missing asset part.</param>
public sealed record MultipartShape<T>(string What, Action<T> Check, string NoMetadata, string NoAsset, bool FileMetadataIsMissing, bool MetadataCheckedFirst)
    where T : class;
