using Konifer.Core.Sources;
using Konifer.Core.Storage;

namespace Konifer.Assets.Sources;

/// <summary>
/// Fetches an external source into a temporary file: the URL is checked or the ARN parsed before anything is fetched,
/// then downloaded under the URL sources' limits. Shared by stores and rule evaluations, so both refuse alike.
/// </summary>
public sealed class ExternalSourceDownload(UrlSourcePolicy policy, IUrlSource urls, IS3ObjectSource s3Objects)
{
    /// <returns>The downloaded bytes; the caller disposes the file.</returns>
    public async Task<TemporaryFile> DownloadAsync(ExternalSource source, CancellationToken cancellationToken) => source switch
    {
        ExternalSource.Http http => await urls.DownloadAsync(policy.Check(http.Url), cancellationToken),
        ExternalSource.S3 s3 => await s3Objects.DownloadAsync(S3ObjectArn.Parse(s3.Arn), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a kind of external source."),
    };
}
