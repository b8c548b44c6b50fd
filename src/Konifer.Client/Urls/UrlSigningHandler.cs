using Konifer.UrlSigning;

namespace Konifer.Client;

/// <summary>
/// Signs the client's own reads (<c>GET</c>/<c>HEAD</c> under <c>/assets</c>) for a server with <c>url-signing</c>
/// enabled, which refuses unsigned reads with 403. <c>AddKoniferClient</c> adds it when a signing key is configured;
/// add it yourself to an <see cref="HttpClient"/> you build.
/// </summary>
public sealed class UrlSigningHandler(UrlSigner signer) : DelegatingHandler
{
    private readonly UrlSigner _signer = signer ?? throw new ArgumentNullException(nameof(signer));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.Method == HttpMethod.Get || request.Method == HttpMethod.Head)
            && request.RequestUri is { IsAbsoluteUri: true } uri
            && uri.AbsolutePath.StartsWith("/assets/", StringComparison.Ordinal))
        {
            request.RequestUri = new Uri(_signer.SignUrl(uri.GetLeftPart(UriPartial.Authority) + uri.PathAndQuery));
        }
        return base.SendAsync(request, cancellationToken);
    }
}
