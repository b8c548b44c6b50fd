using Konifer.Core.Storage;

namespace Konifer.Core.Sources;

/// <summary>
/// Fetches the bytes of a URL source into a private temporary file, applying <see cref="UrlSourcePolicy"/> on every hop.
/// A port, so the use case never sees HTTP client types.
/// </summary>
public interface IUrlSource
{
    /// <summary>Throws <see cref="UrlSourceException"/> when the policy refuses the URL or the download fails.</summary>
    Task<TemporaryFile> DownloadAsync(Uri url, CancellationToken cancellationToken);
}
