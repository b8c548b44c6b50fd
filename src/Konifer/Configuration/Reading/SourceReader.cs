using Konifer.Assets.Sources;
using Konifer.Core.Images;

namespace Konifer.Configuration.Reading;

/// <summary><c>source</c>: uploads, URL sources and the limits an original must keep.</summary>
internal static class SourceReader
{
    /// <summary><c>20MB</c>, the reference's newest default for both upload routes.</summary>
    public const long DefaultMaxBytes = 20_000_000;

    public static SourceSettings Read(ConfigReader source)
    {
        var multipart = source.Section("multipart");
        var url = source.Section("url");
        return new SourceSettings(
            multipart.Bytes("max-bytes") ?? DefaultMaxBytes,
            AllowedDomains(url),
            url.Bytes("max-bytes") ?? DefaultMaxBytes,
            url.Int("max-redirects", 0, 20) ?? UrlSourcePolicy.DefaultMaxRedirects,
            url.Timeout("connect-timeout") ?? UrlSourcePolicy.DefaultConnectTimeout,
            url.Timeout("read-timeout") ?? UrlSourcePolicy.DefaultReadTimeout,
            url.Timeout("timeout") ?? UrlSourcePolicy.DefaultTimeout,
            source.Pixels("max-pixels") ?? SourceImageLimits.DefaultMaxPixels,
            source.Int("max-dimension", 1, int.MaxValue) ?? SourceImageLimits.DefaultMaxDimension,
            source.Timeout("decode-timeout") ?? SourceImageLimits.DefaultDecodeTimeout)
        {
            MaxFrames = source.Int("max-frames", 1, int.MaxValue) ?? SourceImageLimits.DefaultMaxFrames,
        };
    }

    /// <summary>Host names, <c>*.</c> wildcards and IP literals, checked now so that a typo stops start-up.</summary>
    private static IReadOnlyList<string> AllowedDomains(ConfigReader url)
    {
        const string name = "allowed-domains";
        var entries = url.OneOrMany(name);
        try
        {
            Assets.Sources.AllowedDomains.Parse(entries);
        }
        catch (FormatException e)
        {
            throw url.Error(name, e.Message);
        }
        return entries;
    }
}
