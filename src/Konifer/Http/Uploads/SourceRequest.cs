using Konifer.Core.Assets;
using Konifer.Core.Sources;

namespace Konifer.Http.Uploads;

/// <summary>
/// The <c>source</c> object of a JSON store request: <c>{"http":{"url":…}}</c> or <c>{"s3":{"arn":…}}</c>. Both
/// sub-objects are optional, so that the resolution (<see cref="StoreAssetRequest.ResolveSource"/>) can name what is
/// missing or doubled. Stores and rule evaluations resolve it alike.
/// </summary>
public sealed record SourceRequest(SourceRequest.HttpSource? Http, SourceRequest.S3Source? S3)
{
    /// <summary>
    /// The reference's order: none of the three is 400; <c>source.http.url</c> wins over the deprecated <c>url</c>
    /// without a word; a URL (either spelling) together with an ARN is 400. The address itself is checked later.
    /// </summary>
    public static ExternalSource Resolve(SourceRequest? source, string? deprecatedUrl)
    {
        var arn = source?.S3?.Arn;
        var url = source?.Http?.Url ?? deprecatedUrl;
        if (url is null && arn is null) throw new BadRequestException(StoreAssetRequest.NoSource);
        if (url is not null && arn is not null) throw new BadRequestException(StoreAssetRequest.TwoSources);
        return url is not null ? new ExternalSource.Http(url) : new ExternalSource.S3(arn!);
    }

    public sealed record HttpSource(string? Url);

    public sealed record S3Source(string? Arn);
}
