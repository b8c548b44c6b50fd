using Konifer.Core.Images;

namespace Konifer.Configuration;

/// <summary>
/// <c>source.*</c>. Ours beyond the reference (see docs/safety.md): the URL timeouts and redirect bound, and the limits
/// an original's header may declare (<c>MaxPixels</c>, <c>MaxDimension</c>) plus the time its full decode may take.
/// </summary>
public sealed record SourceSettings(
    long MultipartMaxBytes,
    IReadOnlyList<string> UrlAllowedDomains,
    long UrlMaxBytes,
    int UrlMaxRedirects,
    TimeSpan UrlConnectTimeout,
    TimeSpan UrlReadTimeout,
    TimeSpan UrlTimeout,
    long MaxPixels,
    int MaxDimension,
    TimeSpan DecodeTimeout)
{
    /// <summary><c>source.max-frames</c> (ours): most frames an animated original may declare.</summary>
    public int MaxFrames { get; init; } = SourceImageLimits.DefaultMaxFrames;
}
