using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Konifer.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Konifer.Http.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the hashes of <c>auth.api-keys</c>. Every hash is
/// compared in constant time and none is skipped, so the time taken says nothing about which keys exist. A request
/// without the header is anonymous (no result), not a failure: whether it needs a key is authorization's business.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string InvalidKey = "the bearer token is not a valid API key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (AuthSchemes.BearerToken(Request) is not { } token) return Task.FromResult(AuthenticateResult.NoResult());
        if (token.Length == 0) return Task.FromResult(AuthenticateResult.Fail("the bearer token is empty"));

        var hash = ApiKeys.Hash(token);
        ApiKeySettings? match = null;
        foreach (var key in Options.Keys)
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
                match ??= key;
        if (match is null) return Task.FromResult(AuthenticateResult.Fail(InvalidKey));

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name) };
        claims.AddRange(match.Scopes.Select(scope => new Claim(AuthClaims.Scope, scope.Name())));
        claims.AddRange(match.Paths.Select(pattern => new Claim(AuthClaims.Path, pattern.Value)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>; the problem body is written by <see cref="AuthProblemResultHandler"/>.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = Request.Headers.Authorization.Count > 0
            ? "Bearer error=\"invalid_token\""
            : "Bearer";
        return Task.CompletedTask;
    }
}
