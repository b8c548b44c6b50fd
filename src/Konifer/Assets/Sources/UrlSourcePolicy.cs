using Konifer.Core.Sources;

namespace Konifer.Assets.Sources;

/// <summary>
/// The rules for storing from a URL (<c>source.url.*</c>). The host check lives here so that the first URL and every
/// redirect hop are judged by the same code; the address check happens in the adapter at connect time.
/// </summary>
public sealed record UrlSourcePolicy(
    AllowedDomains AllowedDomains,
    long MaxBytes,
    int MaxRedirects,
    TimeSpan ConnectTimeout,
    TimeSpan ReadTimeout,
    TimeSpan Timeout)
{
    public const int DefaultMaxRedirects = 5;
    public const int MaxUrlLength = 4096;
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Parses what the client sent and checks its host; <paramref name="what"/> names it in messages.</summary>
    public Uri Check(string? url, string what = "url")
    {
        if (string.IsNullOrWhiteSpace(url))
            throw new UrlSourceException(UrlSourceFailure.InvalidUrl, $"The '{what}' is empty.");
        if (url.Length > MaxUrlLength)
            throw new UrlSourceException(UrlSourceFailure.InvalidUrl, $"The '{what}' is longer than {MaxUrlLength} characters.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new UrlSourceException(UrlSourceFailure.InvalidUrl, $"The '{what}' '{Shorten(url)}' is not an absolute URL.");
        return Check(uri, what);
    }

    /// <summary>Checks an already parsed URL (a redirect target) against the scheme and host rules.</summary>
    public Uri Check(Uri uri, string what)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            throw new UrlSourceException(UrlSourceFailure.InvalidUrl, $"The {what} '{Shorten(uri.OriginalString)}' is not an http or https URL.");
        if (uri.UserInfo.Length > 0)
            throw new UrlSourceException(UrlSourceFailure.InvalidUrl, $"The {what} carries credentials (user:password@); they are not allowed.");
        if (!AllowedDomains.Allows(uri.IdnHost))
            throw new UrlSourceException(UrlSourceFailure.HostNotAllowed,
                $"The host '{uri.IdnHost}' of the {what} is not in source.url.allowed-domains.");
        return uri;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
