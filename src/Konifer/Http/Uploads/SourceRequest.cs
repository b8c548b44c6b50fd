namespace Konifer.Http.Uploads;

/// <summary>
/// The <c>source</c> object of a JSON store request: <c>{"http":{"url":…}}</c> or <c>{"s3":{"arn":…}}</c>. Both
/// sub-objects are optional, so that the resolution (<see cref="StoreAssetRequest.ResolveSource"/>) can name what is
/// missing or doubled.
/// </summary>
public sealed record SourceRequest(SourceRequest.HttpSource? Http, SourceRequest.S3Source? S3)
{
    public sealed record HttpSource(string? Url);

    public sealed record S3Source(string? Arn);
}
