using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Konifer.UrlSigning;

/// <summary>
/// HMAC URL signatures as the reference computes them, in one place so the server's check, the tests and the client
/// helper cannot drift apart. The payload is the path as sent, then (when there are other parameters) <c>?</c> and
/// every parameter except <c>s</c>, sorted by key (ordinal), written <c>key=value</c> with the decoded first value,
/// joined by <c>&amp;</c>. The signature is the base64url (unpadded) HMAC of the payload's UTF-8 bytes.
/// </summary>
/// <remarks>
/// Several keys may be valid at once (rotation): the first signs, every one verifies. An optional <c>exp</c>
/// parameter (unix seconds) is an ordinary parameter of the payload, so it is covered by the signature; a URL signed
/// without one never expires, as before. Depends on the base library only (no ASP.NET Core), so that a client package
/// can share it.
/// </remarks>
public sealed class UrlSigner
{
    public const string SignatureParameter = "s";
    public const string ExpiryParameter = "exp";

    private readonly SigningAlgorithm _algorithm;
    private readonly byte[][] _keys;

    public UrlSigner(SigningAlgorithm algorithm, string secretKey) : this(algorithm, [secretKey])
    {
    }

    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="secretKeys">The first signs; all of them verify.</param>
    public UrlSigner(SigningAlgorithm algorithm, IReadOnlyList<string> secretKeys)
    {
        ArgumentNullException.ThrowIfNull(secretKeys);
        if (secretKeys.Count == 0) throw new ArgumentException("At least one secret key is needed.", nameof(secretKeys));
        foreach (var key in secretKeys) ArgumentException.ThrowIfNullOrEmpty(key, nameof(secretKeys));
        _algorithm = algorithm;
        _keys = secretKeys.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>The text that is signed, for a path as sent and a raw (still encoded) query, with or without its <c>?</c>.</summary>
    public static string Payload(string path, string? rawQuery)
    {
        var parameters = SignedParameters(rawQuery)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value);
        var query = string.Join('&', parameters);
        return query.Length == 0 ? path : path + "?" + query;
    }

    /// <summary>The signature of a path and raw query with the first key (an <c>s</c> already in the query is ignored).</summary>
    public string Sign(string path, string? rawQuery) => Signature(_keys[0], Payload(path, rawQuery));

    /// <summary>
    /// Returns <paramref name="url"/> (absolute, or a path with its query) with <c>s</c> set to its signature; an
    /// existing <c>s</c> is replaced. The path is signed exactly as written, so write it as it will be sent.
    /// </summary>
    public string SignUrl(string url) => SignUrl(url, expiresAt: null);

    /// <summary>
    /// As <see cref="SignUrl(string)"/>, with <c>exp</c> set to <paramref name="expiresAt"/> (whole unix seconds,
    /// rounded down) when given; an <c>exp</c> already in the URL is replaced, or kept when none is given.
    /// </summary>
    public string SignUrl(string url, DateTimeOffset? expiresAt)
    {
        var pathStart = url.StartsWith('/') ? 0 : PathStartOfAbsolute(url);
        var queryStart = url.IndexOf('?', pathStart);
        var prefix = queryStart < 0 ? url : url[..queryStart];
        var path = prefix[pathStart..];
        var kept = (queryStart < 0 ? "" : url[(queryStart + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsParameter(pair, SignatureParameter) && (expiresAt is null || !IsParameter(pair, ExpiryParameter)))
            .ToList();
        if (expiresAt is { } expiry)
            kept.Add(ExpiryParameter + "=" + expiry.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        kept.Add(SignatureParameter + "=" + Sign(path.Length == 0 ? "/" : path, string.Join('&', kept)));
        return prefix + "?" + string.Join('&', kept);
    }

    /// <summary>
    /// Whether a received signature matches with any of the keys, compared in constant time (no early exit on the
    /// first differing character). Every key is tried, whichever matches.
    /// </summary>
    public bool Verify(string path, string? rawQuery, string signature)
    {
        var payload = Payload(path, rawQuery);
        var received = Encoding.UTF8.GetBytes(signature);
        var matched = false;
        foreach (var key in _keys)
            matched |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(key, payload)), received);
        return matched;
    }

    /// <summary>The whole check of a received URL: its signature first, then its <c>exp</c> against <paramref name="now"/>.</summary>
    public SignatureCheck Check(string path, string? rawQuery, DateTimeOffset now)
    {
        if (ReceivedSignature(rawQuery) is not { } signature) return SignatureCheck.Missing;
        if (!Verify(path, rawQuery, signature)) return SignatureCheck.Invalid;
        var expiry = FirstValue(rawQuery, ExpiryParameter);
        if (expiry is null) return SignatureCheck.Valid;
        if (!long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return SignatureCheck.MalformedExpiry;
        return now.ToUnixTimeSeconds() >= seconds ? SignatureCheck.Expired : SignatureCheck.Valid;
    }

    /// <summary>The first value of <c>s</c> in a raw query, decoded; null when absent or blank.</summary>
    public static string? ReceivedSignature(string? rawQuery) =>
        FirstValue(rawQuery, SignatureParameter) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string? FirstValue(string? rawQuery, string name)
    {
        foreach (var (key, value) in Parameters(rawQuery))
            if (key == name) return value;
        return null;
    }

    private string Signature(byte[] key, string payload)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        var mac = _algorithm switch
        {
            SigningAlgorithm.HmacSha256 => HMACSHA256.HashData(key, data),
            SigningAlgorithm.HmacSha384 => HMACSHA384.HashData(key, data),
            SigningAlgorithm.HmacSha512 => HMACSHA512.HashData(key, data),
            _ => throw new ArgumentOutOfRangeException(nameof(key), _algorithm, null),
        };
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>Decoded parameters except <c>s</c>, first value per key (keys are case-sensitive), in request order.</summary>
    private static List<KeyValuePair<string, string>> SignedParameters(string? rawQuery)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in Parameters(rawQuery))
        {
            if (name == SignatureParameter || !seen.Add(name)) continue;
            ordered.Add(new(name, value));
        }
        return ordered;
    }

    /// <summary>Every <c>name=value</c> pair of a raw query, decoded as a form query is (<c>+</c> is a space); empty pairs skipped.</summary>
    private static IEnumerable<(string Name, string Value)> Parameters(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery)) yield break;
        var query = rawQuery[0] == '?' ? rawQuery[1..] : rawQuery;
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0) continue;
            var equals = pair.IndexOf('=');
            yield return equals < 0 ? (Decode(pair), "") : (Decode(pair[..equals]), Decode(pair[(equals + 1)..]));
        }
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    private static bool IsParameter(string encodedPair, string name) => Decode(encodedPair.Split('=', 2)[0]) == name;

    private static int PathStartOfAbsolute(string url)
    {
        var authority = url.IndexOf("://", StringComparison.Ordinal);
        if (authority < 0) throw new ArgumentException($"'{url}' is neither a path starting with '/' nor an absolute URL.", nameof(url));
        var slash = url.IndexOfAny(['/', '?'], authority + 3);
        return slash < 0 ? url.Length : slash;
    }
}
