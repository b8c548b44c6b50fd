using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Konifer.Configuration.Reading;

namespace Konifer.Http.Auth;

/// <summary>
/// New API keys and their hashes. Keys are 32 random bytes, so a plain SHA-256 is enough to store them (no salt or
/// slow hash: nobody can guess 256 bits, unlike a password); konifer.conf holds only the hash.
/// </summary>
public static class ApiKeys
{
    /// <summary>Marks the text as a Konifer key, for people and for secret scanners.</summary>
    public const string Prefix = "kfr_";

    public const int MinimumLength = 16;

    /// <summary>A new key: <c>kfr_</c> and the base64url of 32 random bytes (no <c>.</c>, so never mistaken for a JWT).</summary>
    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>As konifer.conf writes it (and <see cref="AuthReader.ParseHash"/> reads it): <c>sha256:</c> and 64 lower-case hex digits.</summary>
    public static string FormatHash(byte[] hash) => AuthReader.HashPrefix + Convert.ToHexStringLower(hash);

    /// <summary>Why a key given to <c>--hash-api-key</c> is not one to use, or null.</summary>
    public static string? Problem(string key) =>
        key.Length < MinimumLength ? $"an API key needs at least {MinimumLength} characters (leave it out to generate one)"
        : key.Any(char.IsWhiteSpace) ? "an API key cannot contain spaces or line breaks"
        : null;
}
