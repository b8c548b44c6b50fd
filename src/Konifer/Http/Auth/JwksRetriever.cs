using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Konifer.Http.Auth;

/// <summary>
/// Reads a bare JWKS document (<c>auth.jwt.jwks-url</c>, not an OpenID discovery document) into the configuration the
/// JWT handler takes its signing keys from. The handler's configuration manager caches it and fetches it again when a
/// token names a key it does not know, so the issuer can rotate its keys.
/// </summary>
public sealed class JwksRetriever(string issuer) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var document = await retriever.GetDocumentAsync(address, cancel);
        var keys = new JsonWebKeySet(document);
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer, JsonWebKeySet = keys };
        foreach (var key in keys.GetSigningKeys()) configuration.SigningKeys.Add(key);
        return configuration;
    }
}
