using System.Security.Claims;
using Konifer.Configuration;
using Konifer.Paths;

namespace Konifer.Http.Auth;

/// <summary>
/// Turns a validated JWT's scope claim (<c>auth.jwt.scope-claim</c>: one space-separated string as OAuth writes it,
/// or a JSON array) and optional paths claim into <see cref="AuthClaims"/>. Unknown scope names and path patterns
/// that do not parse grant nothing. Without <c>paths-claim</c>, a token covers every path (<c>/**</c>).
/// </summary>
public static class JwtGrants
{
    public static ClaimsIdentity From(ClaimsPrincipal token, JwtSettings settings)
    {
        var identity = new ClaimsIdentity(AuthSchemes.Jwt);
        foreach (var name in Values(token, settings.ScopeClaim))
            if (AuthScopes.TryParse(name, out var scope))
                identity.AddClaim(new Claim(AuthClaims.Scope, scope.Value.Name()));
        var patterns = settings.PathsClaim is { } claim ? Values(token, claim) : [PathPattern.Root.Value];
        foreach (var text in patterns)
            if (PathPattern.TryParse(text, out var pattern, out _))
                identity.AddClaim(new Claim(AuthClaims.Path, pattern.Value));
        return identity;
    }

    private static IEnumerable<string> Values(ClaimsPrincipal token, string type) =>
        token.FindAll(type).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
