using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Konifer.Configuration;

/// <summary>
/// Turns an <c>auth.jwt.signing-keys</c> entry into a key the token validator uses: a PEM public key (RSA or EC,
/// for RS*/PS*/ES* tokens) or a base64 shared secret of at least 32 bytes (HS* tokens). Read once at start-up, so a
/// key that does not parse stops the server instead of failing every request.
/// </summary>
public static class JwtSigningKeys
{
    public const int MinimumSecretBytes = 32;

    /// <summary>The key, or null with a reason that never repeats the key's text (it may be a secret).</summary>
    public static SecurityKey? TryParse(string text, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            if (trimmed.Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                problem = "is a private key: configure the issuer's public key (-----BEGIN PUBLIC KEY-----)";
                return null;
            }
            try
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(trimmed);
                return new RsaSecurityKey(rsa);
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                // Not RSA: try EC below.
            }
            try
            {
                var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(trimmed);
                return new ECDsaSecurityKey(ecdsa);
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                problem = "is PEM but not an RSA or EC public key";
                return null;
            }
        }
        var bytes = new byte[trimmed.Length];
        if (!Convert.TryFromBase64String(trimmed, bytes, out var length)
            && !Convert.TryFromBase64String(FromBase64Url(trimmed), bytes, out length))
        {
            problem = "is neither a PEM public key nor a base64 shared secret";
            return null;
        }
        if (length < MinimumSecretBytes)
        {
            problem = $"is a shared secret of {length} bytes; HMAC-signed tokens need at least {MinimumSecretBytes} (base64 of 32 random bytes)";
            return null;
        }
        return new SymmetricSecurityKey(bytes[..length]);
    }

    private static string FromBase64Url(string text)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        return standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '=');
    }
}
