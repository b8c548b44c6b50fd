namespace Konifer.Configuration;

/// <summary>
/// <c>auth.jwt</c>: bearer JWTs validated against a fixed issuer and audience, signed by one of the configured keys or
/// one published at <see cref="JwksUrl"/>; the token's <see cref="ScopeClaim"/> carries the same scopes as an API key.
/// </summary>
/// <param name="SigningKeys">Base64 HMAC secrets or PEM public keys (RSA or EC), as written in the file.</param>
/// <param name="PathsClaim">When set, the claim that lists the token's path patterns; when not, a token covers every path.</param>
public sealed record JwtSettings(
    bool Enabled,
    string? Issuer,
    string? Audience,
    IReadOnlyList<string> SigningKeys,
    Uri? JwksUrl,
    string ScopeClaim,
    string? PathsClaim)
{
    public const string DefaultScopeClaim = "scope";

    public static JwtSettings Disabled { get; } = new(false, null, null, [], null, DefaultScopeClaim, null);

    /// <summary>Time allowed between the issuer's clock and ours when checking <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);
}
