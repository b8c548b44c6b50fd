using System.Net;
using System.Net.Http.Headers;
using Konifer.Assets.Sources;
using Konifer.Core.Sources;
using Konifer.Core.Storage;
using Microsoft.Security.AntiSSRF;

namespace Konifer.Sources;

/// <summary>
/// Downloads URL sources with an HttpClient whose handler (Microsoft AntiSSRF over SocketsHttpHandler) resolves DNS
/// itself and refuses non-public addresses when it connects, so a name that passes the host check cannot be rebound
/// to an internal address afterwards. Redirects are followed here, one hop at a time, so every hop's host is checked
/// against <c>source.url.allowed-domains</c>, the hop count is bounded, loops and HTTPS-to-HTTP downgrades are refused.
/// </summary>
public sealed class HttpUrlSource : IUrlSource, IDisposable
{
    private readonly UrlSourcePolicy _policy;
    private readonly HttpClient _client;
    private readonly HostAddressOverrides? _addresses;

    public HttpUrlSource(UrlSourcePolicy policy, HostAddressOverrides? addresses = null)
    {
        _policy = policy;
        _addresses = addresses;
        var antiSsrf = new AntiSSRFPolicy(PolicyConfigOptions.ExternalOnlyLatest)
        {
            // The reference accepts http sources; the address rules, not the scheme, keep internal services out.
            AllowPlainTextHttp = true,
            AddXFFHeader = false,
        };
        var exempt = policy.AllowedDomains.Addresses.Select(a => a.ToString() + (a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "/32" : "/128")).ToArray();
        if (exempt.Length > 0) antiSsrf.AddAllowedAddresses(exempt);
        var handler = antiSsrf.GetHandler();
        handler.AllowAutoRedirect = false;
        handler.UseCookies = false;
        handler.ConnectTimeout = policy.ConnectTimeout;
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(1);
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Konifer", "1.0"));
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
    }

    public async Task<TemporaryFile> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        using var deadlines = new SourceDeadlines(_policy, cancellationToken);
        try
        {
            using var response = await GetFollowingRedirectsAsync(url, deadlines);
            if (response.Content.Headers.ContentLength is { } declared && declared > _policy.MaxBytes)
                throw SourceSpool.TooLarge($"declares {declared} bytes, more", _policy.MaxBytes);
            await using var body = await response.Content.ReadAsStreamAsync(deadlines.Restart());
            return await SourceSpool.ToFileAsync(body, _policy.MaxBytes, deadlines);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw deadlines.Expired(e);
        }
        catch (Exception e) when (FindRefusal(e) is { } refusal)
        {
            throw new UrlSourceException(UrlSourceFailure.AddressNotAllowed,
                $"The download was refused: {refusal.Message} Loopback, private, link-local and cloud metadata addresses are not reached unless source.url.allowed-domains lists the address itself.", e);
        }
        // A name that does not resolve surfaces as a bare SocketException from the address-checking handler; an origin
        // that breaks off mid-body as HttpIOException (a failing local disk stays a server error). None says why:
        // "refused" versus "no such host" versus a TLS failure would make the service a port scanner.
        catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException or HttpIOException)
        {
            throw new UrlSourceException(UrlSourceFailure.Unreachable, "Failed to retrieve asset source: the URL source could not be fetched.", e);
        }
    }

    private async Task<HttpResponseMessage> GetFollowingRedirectsAsync(Uri url, SourceDeadlines deadlines)
    {
        var current = url;
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        for (var hop = 0; ; hop++)
        {
            var response = await _client.SendAsync(Request(current), HttpCompletionOption.ResponseHeadersRead, deadlines.Restart());
            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is not (301 or 302 or 303 or 307 or 308)) throw Refused(status, response.ReasonPhrase);
                var location = response.Headers.Location
                    ?? throw new UrlSourceException(UrlSourceFailure.InvalidRedirect, $"Asset source returned redirect {status} without a Location header.");
                if (hop >= _policy.MaxRedirects)
                    throw new UrlSourceException(UrlSourceFailure.TooManyRedirects,
                        $"Asset source exceeded the maximum of {_policy.MaxRedirects} redirects: it redirected more than {_policy.MaxRedirects} times (source.url.max-redirects).");
                var next = _policy.Check(location.IsAbsoluteUri ? location : new Uri(current, location), "redirect target");
                if (current.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
                    throw new UrlSourceException(UrlSourceFailure.InvalidRedirect, "Asset source cannot redirect from HTTPS to HTTP.");
                if (!visited.Add(next.AbsoluteUri))
                    throw new UrlSourceException(UrlSourceFailure.InvalidRedirect, "Asset source redirect loop detected: a redirect led back to a URL already requested.");
                current = next;
            }
        }
    }

    /// <summary>
    /// A final answer that is neither 2xx nor a followed redirect: the client's URL is wrong (4xx, other 3xx: 400) or
    /// the origin failed (5xx: 502).
    /// </summary>
    private static UrlSourceException Refused(int status, string? reason)
    {
        var answer = string.IsNullOrEmpty(reason) ? $"{status}" : $"{status} ({reason})";
        return status switch
        {
            >= 500 => new(UrlSourceFailure.UpstreamFailed, $"Asset source returned {answer}; only a 2xx response can be stored."),
            >= 300 and < 400 => new(UrlSourceFailure.InvalidRedirect, $"Asset source returned unsupported redirect {status}."),
            _ => new(UrlSourceFailure.UpstreamStatus, $"Asset source returned {answer}; only a 2xx response can be stored."),
        };
    }

    private HttpRequestMessage Request(Uri url)
    {
        var target = _addresses?.Apply(url) ?? url;
        // Dns throws ArgumentException (a 500) for these literals before the address rule sees them.
        if (IPAddress.TryParse(target.DnsSafeHost, out var literal) && (literal.Equals(IPAddress.Any) || literal.Equals(IPAddress.IPv6Any)))
            throw new UrlSourceException(UrlSourceFailure.AddressNotAllowed,
                $"The download was refused: {literal} is the unspecified address, which is never a target.");
        var request = new HttpRequestMessage(HttpMethod.Get, target);
        if (target != url) request.Headers.Host = url.Authority;
        return request;
    }

    private static AntiSSRFException? FindRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is AntiSSRFException refusal) return refusal;
        return null;
    }

    public void Dispose() => _client.Dispose();
}
