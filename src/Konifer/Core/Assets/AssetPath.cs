using System.Diagnostics.CodeAnalysis;

namespace Konifer.Core.Assets;

/// <summary>
/// An application path such as <c>/users/123/avatar</c>. Segments are case-sensitive and limited to a strict
/// character set so that they can be stored as ltree labels and never need escaping in URLs or object keys.
/// </summary>
public sealed class AssetPath : IEquatable<AssetPath>
{
    public const int MaxSegmentLength = 255;
    public const int MaxSegments = 64;
    public const int MaxLength = 1024;

    public IReadOnlyList<string> Segments { get; }

    /// <summary>Canonical form: a leading slash and the segments joined by slashes.</summary>
    public string Value { get; }

    private AssetPath(string[] segments)
    {
        Segments = segments;
        Value = "/" + string.Join('/', segments);
    }

    public static AssetPath FromSegments(IEnumerable<string> segments)
    {
        var list = segments.ToArray();
        var error = Validate(list);
        if (error is not null) throw new ArgumentException(error, nameof(segments));
        return new AssetPath(list);
    }

    /// <summary>Parses <c>users/123/avatar</c> or <c>/users/123/avatar</c>; a trailing slash is tolerated.</summary>
    public static bool TryParse(string? raw, [NotNullWhen(true)] out AssetPath? path, [NotNullWhen(false)] out string? error)
    {
        path = null;
        if (string.IsNullOrEmpty(raw) || raw == "/")
        {
            error = "The asset path is empty: give at least one segment after /assets/.";
            return false;
        }
        if (raw.Length > MaxLength)
        {
            error = $"The asset path is longer than {MaxLength} characters.";
            return false;
        }
        var trimmed = raw.StartsWith('/') ? raw[1..] : raw;
        if (trimmed.EndsWith('/')) trimmed = trimmed[..^1];
        var segments = trimmed.Split('/');
        error = Validate(segments);
        if (error is not null) return false;
        path = new AssetPath(segments);
        return true;
    }

    public static AssetPath Parse(string raw) =>
        TryParse(raw, out var path, out var error) ? path : throw new FormatException(error);

    public bool IsSameOrDescendantOf(AssetPath ancestor)
    {
        if (ancestor.Segments.Count > Segments.Count) return false;
        for (var i = 0; i < ancestor.Segments.Count; i++)
            if (!string.Equals(ancestor.Segments[i], Segments[i], StringComparison.Ordinal)) return false;
        return true;
    }

    private static string? Validate(IReadOnlyList<string> segments)
    {
        if (segments.Count == 0) return "The asset path is empty: give at least one segment after /assets/.";
        if (segments.Count > MaxSegments) return $"The asset path has more than {MaxSegments} segments.";
        foreach (var segment in segments)
        {
            if (segment.Length == 0) return "The asset path has an empty segment (two slashes in a row).";
            if (segment == "-") return "A path segment cannot be '-': it separates the path from selectors (/-/).";
            if (segment is "." or "..") return "Relative segments ('.' or '..') are not allowed in an asset path.";
            if (segment.Length > MaxSegmentLength) return $"A path segment is longer than {MaxSegmentLength} characters.";
            foreach (var c in segment)
                if (!IsAllowed(c))
                    return $"The path segment '{Printable(segment)}' contains '{Printable(c.ToString())}': segments may hold only letters, digits and _~!$'()*+=@-.";
        }
        return null;
    }

    public static bool IsAllowed(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '_' or '~' or '!' or '$' or '\'' or '(' or ')' or '*' or '+' or '=' or '@' or '-';

    private static string Printable(string s) =>
        new(s.Select(c => char.IsControl(c) ? '?' : c).Take(64).ToArray());

    public bool Equals(AssetPath? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is AssetPath other && Equals(other);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
    public override string ToString() => Value;
}
