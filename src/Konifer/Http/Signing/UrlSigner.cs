using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Konifer.Configuration;
using Microsoft.AspNetCore.WebUtilities;

namespace Konifer.Http.Signing;

/// <summary>
/// HMAC URL signatures as the reference computes them, in one place so the server's check, the tests and the client
/// helper cannot drift apart. The payload is the path as sent, then (when there are other parameters) <c>?</c> and
/// every parameter except <c>s</c>, sorted by key (ordinal), written <c>key=value</c> with the decoded first value,
/// joined by <c>&amp;</c>. The signature is the base64url (unpadded) HMAC of the payload's UTF-8 bytes.
/// </summary>
public sealed class UrlSigner
{
    public const string SignatureParameter = "s";

    private readonly SigningAlgorithm _algorithm;
    private readonly byte[] _key;

    public UrlSigner(SigningAlgorithm algorithm, string secretKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        _algorithm = algorithm;
        _key = Encoding.UTF8.GetBytes(secretKey);
    }

    public static UrlSigner? FromSettings(UrlSigningSettings settings) =>
        settings.Enabled ? new UrlSigner(settings.Algorithm, settings.SecretKey!) : null;

    /// <summary>The text that is signed, for a path as sent and a raw (still encoded) query, with or without its <c>?</c>.</summary>
    public static string Payload(string path, string? rawQuery)
    {
        var parameters = SignedParameters(rawQuery)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value);
        var query = string.Join('&', parameters);
        return query.Length == 0 ? path : path + "?" + query;
    }

    /// <summary>The signature of a path and raw query (an <c>s</c> already in the query is ignored).</summary>
    public string Sign(string path, string? rawQuery) => Signature(Payload(path, rawQuery));

    /// <summary>
    /// Returns <paramref name="url"/> (absolute, or a path with its query) with <c>s</c> set to its signature; an
    /// existing <c>s</c> is replaced. The path is signed exactly as written, so write it as it will be sent.
    /// </summary>
    public string SignUrl(string url)
    {
        var pathStart = url.StartsWith('/') ? 0 : PathStartOfAbsolute(url);
        var queryStart = url.IndexOf('?', pathStart);
        var prefix = queryStart < 0 ? url : url[..queryStart];
        var path = prefix[pathStart..];
        var rawQuery = queryStart < 0 ? "" : url[(queryStart + 1)..];
        var kept = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsSignatureParameter(pair))
            .ToList();
        kept.Add(SignatureParameter + "=" + Sign(path.Length == 0 ? "/" : path, rawQuery));
        return prefix + "?" + string.Join('&', kept);
    }

    /// <summary>Checks a received signature in constant time (no early exit on the first differing character).</summary>
    public bool Verify(string path, string? rawQuery, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(path, rawQuery));
        var received = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    /// <summary>The first value of <c>s</c> in a raw query, decoded; null when absent or blank.</summary>
    public static string? ReceivedSignature(string? rawQuery)
    {
        foreach (var pair in new QueryStringEnumerable(rawQuery))
            if (pair.DecodeName().Span.SequenceEqual(SignatureParameter.AsSpan()))
            {
                var value = pair.DecodeValue().ToString();
                return string.IsNullOrWhiteSpace(value) ? null : value;
            }
        return null;
    }

    private string Signature(string payload)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        var mac = _algorithm switch
        {
            SigningAlgorithm.HmacSha256 => HMACSHA256.HashData(_key, data),
            SigningAlgorithm.HmacSha384 => HMACSHA384.HashData(_key, data),
            SigningAlgorithm.HmacSha512 => HMACSHA512.HashData(_key, data),
            _ => throw new ArgumentOutOfRangeException(nameof(_algorithm), _algorithm, null),
        };
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>Decoded parameters except <c>s</c>, first value per key (keys are case-sensitive), in request order.</summary>
    private static IEnumerable<KeyValuePair<string, string>> SignedParameters(string? rawQuery)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var ordered = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(rawQuery))
        {
            var name = pair.DecodeName().ToString();
            if (name == SignatureParameter || !seen.TryAdd(name, "")) continue;
            ordered.Add(new(name, pair.DecodeValue().ToString()));
        }
        return ordered;
    }

    private static bool IsSignatureParameter(string encodedPair)
    {
        var name = encodedPair.Split('=', 2)[0];
        return Uri.UnescapeDataString(name.Replace('+', ' ')) == SignatureParameter;
    }

    private static int PathStartOfAbsolute(string url)
    {
        var authority = url.IndexOf("://", StringComparison.Ordinal);
        if (authority < 0) throw new ArgumentException($"'{url}' is neither a path starting with '/' nor an absolute URL.", nameof(url));
        var slash = url.IndexOfAny(['/', '?'], authority + 3);
        return slash < 0 ? url.Length : slash;
    }
}
