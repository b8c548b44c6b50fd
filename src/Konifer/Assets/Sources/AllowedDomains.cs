using System.Globalization;
using System.Net;

namespace Konifer.Assets.Sources;

/// <summary>
/// <c>source.url.allowed-domains</c>: an entry is an exact host (<c>images.example.com</c>), a wildcard that matches
/// every subdomain but not the domain itself (<c>*.example.com</c>), or an IP literal (<c>10.0.0.5</c>,
/// <c>[fd00::5]</c>). IP literals are also the only way to let a download reach a non-public address, so the
/// exemption is always spelled out in the configuration (see docs/safety.md).
/// </summary>
public sealed class AllowedDomains
{
    private static readonly IdnMapping Idn = new();
    private readonly HashSet<string> _exact;
    private readonly string[] _suffixes;

    private AllowedDomains(HashSet<string> exact, string[] suffixes, IReadOnlyList<IPAddress> addresses)
    {
        _exact = exact;
        _suffixes = suffixes;
        Addresses = addresses;
    }

    public static AllowedDomains None { get; } = new([], [], []);

    /// <summary>The IP literals among the entries: addresses a download may reach even when they are not public.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; }

    public bool IsEmpty => _exact.Count == 0 && _suffixes.Length == 0 && Addresses.Count == 0;

    /// <exception cref="FormatException">An entry is not a host name, a <c>*.</c> wildcard or an IP literal.</exception>
    public static AllowedDomains Parse(IEnumerable<string> entries)
    {
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var suffixes = new List<string>();
        var addresses = new List<IPAddress>();
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (TryParseAddress(entry, out var address))
            {
                addresses.Add(address);
                exact.Add(address.ToString());
            }
            else if (entry.StartsWith("*.", StringComparison.Ordinal))
                suffixes.Add("." + NormalizeName(entry[2..], raw));
            else
                exact.Add(NormalizeName(entry, raw));
        }
        return new AllowedDomains(exact, suffixes.Distinct().ToArray(), addresses);
    }

    /// <summary>Whether a URL's host (as <see cref="Uri.IdnHost"/> gives it) is on the list.</summary>
    public bool Allows(string host)
    {
        string name;
        if (TryParseAddress(host, out var address)) name = address.ToString();
        else if (!TryNormalizeName(host, out name)) return false;
        if (_exact.Contains(name)) return true;
        foreach (var suffix in _suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length) return true;
        return false;
    }

    private static bool TryParseAddress(string text, out IPAddress address)
    {
        var inner = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
        // IPAddress.TryParse also takes "1" or "0x7f.1"; only the dotted-quad and IPv6 spellings count as literals.
        if (IPAddress.TryParse(inner, out var parsed) && (inner.Contains(':') || inner.Count(c => c == '.') == 3))
        {
            address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
            return true;
        }
        address = IPAddress.None;
        return false;
    }

    private static string NormalizeName(string name, string raw) =>
        TryNormalizeName(name, out var normalized) ? normalized
            : throw new FormatException($"'{raw}' is not a host name, a '*.' wildcard (such as *.example.com) or an IP literal.");

    private static bool TryNormalizeName(string name, out string normalized)
    {
        normalized = "";
        name = name.TrimEnd('.');
        if (name.Length == 0 || name.Length > 253) return false;
        try
        {
            normalized = Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return false;
        }
        foreach (var label in normalized.Split('.'))
        {
            if (label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-')) return false;
            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        }
        return true;
    }
}
