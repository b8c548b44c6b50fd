using System.Security.Cryptography;
using System.Text;

namespace Konifer.Tests.Configuration;

/// <summary>
/// Recomputes the AWS Signature Version 4 of a presigned GET URL (query-string authentication, UNSIGNED-PAYLOAD,
/// signed header "host") with a given secret, to tell which secret key signed it.
/// </summary>
public static class SigV4Presigned
{
    private const string SignatureParameter = "X-Amz-Signature";

    public static string Signature(Uri url) => Query(url)[SignatureParameter];

    public static string Expected(Uri url, string secretKey)
    {
        var query = Query(url);
        Assert.Equal("AWS4-HMAC-SHA256", query["X-Amz-Algorithm"]);
        Assert.Equal("host", query["X-Amz-SignedHeaders"]);
        var canonicalQuery = string.Join('&', query.Where(p => p.Key != SignatureParameter)
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value))).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var host = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        var canonicalRequest = $"GET\n{url.AbsolutePath}\n{canonicalQuery}\nhost:{host}\n\nhost\nUNSIGNED-PAYLOAD";

        var credential = query["X-Amz-Credential"].Split('/'); // access key / date / region / service / aws4_request
        var scope = string.Join('/', credential[1..]);
        var stringToSign = $"AWS4-HMAC-SHA256\n{query["X-Amz-Date"]}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in credential[1..]) key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static Dictionary<string, string> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));

    /// <summary>AWS's URI encoding: unreserved characters as they are, everything else %XX in upper case.</summary>
    private static string Encode(string value)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') encoded.Append(c);
            else encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
