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
/// against <c>source.url.allowed-domains</c> and the hop count is bounded.
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
        using var deadlines = new Deadlines(_policy, cancellationToken);
        try
        {
            using var response = await GetFollowingRedirectsAsync(url, deadlines);
            if (response.Content.Headers.ContentLength is { } declared && declared > _policy.MaxBytes)
                throw TooLarge($"declares {declared} bytes");
            await using var body = await response.Content.ReadAsStreamAsync(deadlines.Restart());
            return await SpoolAsync(body, deadlines);
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
        // "refused" versus "timed out" versus "no such host" would make the service a port scanner.
        catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException or HttpIOException)
        {
            throw new UrlSourceException(UrlSourceFailure.Unreachable, "The URL source could not be fetched.", e);
        }
    }

    private async Task<HttpResponseMessage> GetFollowingRedirectsAsync(Uri url, Deadlines deadlines)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            var response = await _client.SendAsync(Request(current), HttpCompletionOption.ResponseHeadersRead, deadlines.Restart());
            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is not (301 or 302 or 303 or 307 or 308))
                    throw new UrlSourceException(UrlSourceFailure.UpstreamStatus,
                        $"The URL source answered {status} {response.ReasonPhrase}; only a 2xx response can be stored.");
                if (hop >= _policy.MaxRedirects)
                    throw new UrlSourceException(UrlSourceFailure.TooManyRedirects,
                        $"The URL source redirected more than {_policy.MaxRedirects} times (source.url.max-redirects).");
                var location = response.Headers.Location
                    ?? throw new UrlSourceException(UrlSourceFailure.UpstreamStatus, $"The URL source answered {status} without a Location header.");
                current = _policy.Check(location.IsAbsoluteUri ? location : new Uri(current, location), "redirect target");
            }
        }
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

    private async Task<TemporaryFile> SpoolAsync(Stream body, Deadlines deadlines)
    {
        var file = TemporaryFile.Reserve();
        try
        {
            await using (var target = new FileStream(file.FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                long written = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, deadlines.Restart())) > 0)
                {
                    written += read;
                    if (written > _policy.MaxBytes) throw TooLarge("sent more");
                    await target.WriteAsync(buffer.AsMemory(0, read), deadlines.Token);
                }
                if (written == 0) throw new UrlSourceException(UrlSourceFailure.UpstreamStatus, "The URL source answered with an empty body.");
            }
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private UrlSourceException TooLarge(string what) =>
        new(UrlSourceFailure.TooLarge, $"The URL source {what} than source.url.max-bytes ({_policy.MaxBytes} bytes) allows.");

    private static AntiSSRFException? FindRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is AntiSSRFException refusal) return refusal;
        return null;
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// The three clocks of one download: the caller (client gone), the whole download (<c>timeout</c>) and the wait
    /// for the next bytes (<c>read-timeout</c>, restarted before every read). The connect timeout is the handler's.
    /// </summary>
    private sealed class Deadlines : IDisposable
    {
        private readonly UrlSourcePolicy _policy;
        private readonly CancellationTokenSource _total;
        private readonly CancellationTokenSource _idle = new();
        private readonly CancellationTokenSource _linked;

        public Deadlines(UrlSourcePolicy policy, CancellationToken caller)
        {
            _policy = policy;
            _total = new CancellationTokenSource(policy.Timeout);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _total.Token, _idle.Token);
        }

        public CancellationToken Token => _linked.Token;

        public CancellationToken Restart()
        {
            _idle.CancelAfter(_policy.ReadTimeout);
            return _linked.Token;
        }

        public UrlSourceException Expired(OperationCanceledException e) =>
            _total.IsCancellationRequested
                ? new(UrlSourceFailure.TimedOut, $"The URL source took longer than source.url.timeout ({_policy.Timeout.TotalSeconds:0.###} s).", e)
                : _idle.IsCancellationRequested
                    ? new(UrlSourceFailure.TimedOut, $"The URL source sent nothing for source.url.read-timeout ({_policy.ReadTimeout.TotalSeconds:0.###} s).", e)
                    : new(UrlSourceFailure.TimedOut, $"The URL source did not accept a connection within source.url.connect-timeout ({_policy.ConnectTimeout.TotalSeconds:0.###} s).", e);

        public void Dispose()
        {
            _linked.Dispose();
            _idle.Dispose();
            _total.Dispose();
        }
    }
}
