using Konifer.Core.Assets;
using Konifer.Core.Sources;

namespace Konifer.Http.Uploads;

/// <summary>
/// The JSON of a store request: a JSON body (which must name an external source) or the <c>metadata</c> part of a
/// multipart upload (which must not). <see cref="Url"/> is the reference's deprecated spelling of
/// <c>source.http.url</c>, still accepted. Unknown fields are ignored.
/// </summary>
public sealed record StoreAssetRequest(string? Alt, string? Url, Dictionary<string, string>? Labels, List<string>? Tags, SourceRequest? Source)
{
    public const string NoSource = "URL or S3 ARN must be supplied";
    public const string TwoSources = "Only one of source.http.url or source.s3.arn, or url can be supplied";
    public const string SourceWithUpload = "External source not allowed with multipart content";

    public AssetInformation ToInformation() => AssetInformation.Create(Alt, Labels, Tags);

    /// <summary>Whether the body names a source at all (<c>source</c> or <c>url</c>), which a multipart upload must not.</summary>
    public bool NamesExternalSource => Source is not null || Url is not null;

    /// <summary>See <see cref="SourceRequest.Resolve"/>.</summary>
    public ExternalSource ResolveSource() => SourceRequest.Resolve(Source, Url);
}
