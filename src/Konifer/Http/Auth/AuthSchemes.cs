namespace Konifer.Http.Auth;

/// <summary>
/// The authentication schemes. <see cref="Bearer"/> is the default: it reads <c>Authorization: Bearer …</c> and
/// forwards a token shaped like a JWT (three dot-separated parts) to <see cref="Jwt"/> when JWTs are enabled, anything
/// else to <see cref="ApiKey"/>.
/// </summary>
public static class AuthSchemes
{
    public const string Bearer = "Bearer";
    public const string ApiKey = "ApiKey";
    public const string Jwt = "Jwt";

    /// <summary>The token after <c>Bearer </c>, or null when the header is absent or of another scheme.</summary>
    public static string? BearerToken(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }

    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
