using Konifer.Core.Storage;

namespace Konifer.Core.Sources;

/// <summary>
/// Fetches an Amazon S3 object named by an ARN source into a private temporary file, within the URL sources' size
/// limit. A port beside <see cref="IUrlSource"/>, so the use case never sees AWS types.
/// </summary>
public interface IS3ObjectSource
{
    /// <summary>Throws <see cref="UrlSourceException"/> when S3 refuses, fails, times out or the object is too large.</summary>
    Task<TemporaryFile> DownloadAsync(S3ObjectArn arn, CancellationToken cancellationToken);
}
