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

    /// <summary>
    /// The reference's order: none of the three is 400; <c>source.http.url</c> wins over <c>url</c> without a word;
    /// a URL (either spelling) together with an ARN is 400. The address itself is checked by the use case.
    /// </summary>
    public ExternalSource ResolveSource()
    {
        var arn = Source?.S3?.Arn;
        var url = Source?.Http?.Url ?? Url;
        if (url is null && arn is null) throw new BadRequestException(NoSource);
        if (url is not null && arn is not null) throw new BadRequestException(TwoSources);
        return url is not null ? new ExternalSource.Http(url) : new ExternalSource.S3(arn!);
    }
}
