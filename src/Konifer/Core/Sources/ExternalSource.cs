namespace Konifer.Core.Sources;

/// <summary>
/// Where a JSON store request asks the original to be fetched from: an HTTP(S) URL or an S3 object ARN, each kept as
/// the client wrote it (that text is what the asset records as its <c>sourceUrl</c>).
/// </summary>
public abstract record ExternalSource(string Address)
{
    public sealed record Http(string Url) : ExternalSource(Url);

    public sealed record S3(string Arn) : ExternalSource(Arn);
}
