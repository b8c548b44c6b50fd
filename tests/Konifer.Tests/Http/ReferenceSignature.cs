using Konifer.UrlSigning;
using System.Security.Cryptography;
using System.Text;

namespace Konifer.Tests.Http;

/// <summary>
/// The documented signing payload computed independently of the server's UrlSigner, straight from
/// System.Security.Cryptography, so a mistake in UrlSigner cannot hide in both the server and the tests.
/// </summary>
public static class ReferenceSignature
{
    /// <summary>Path + "?" + decoded parameters sorted by key (ordinal), "k=v" joined by "&amp;"; just the path without any.</summary>
    public static string Payload(string path, params (string Key, string Value)[] parameters)
    {
        var query = string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    public static string Sign(string algorithm, string secret, string payload)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes(payload);
        byte[] mac = algorithm switch
        {
            "hmac_sha256" => new HMACSHA256(key).ComputeHash(data),
            "hmac_sha384" => new HMACSHA384(key).ComputeHash(data),
            "hmac_sha512" => new HMACSHA512(key).ComputeHash(data),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
