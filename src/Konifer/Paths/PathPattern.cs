using System.Diagnostics.CodeAnalysis;
using Konifer.Core.Assets;

namespace Konifer.Paths;

/// <summary>
/// A path pattern of the <c>paths</c> configuration, such as <c>/**</c>, <c>/users/**</c>, <c>/users/*/avatar</c>
/// or <c>/users/123/profile</c>. A segment <c>*</c> matches exactly one path segment, <c>**</c> zero or more (anywhere
/// in the pattern); any other segment is a literal, matched case-insensitively like the reference does. The leading
/// slash is optional and a trailing slash is ignored; consecutive <c>**</c> collapse into one.
/// </summary>
/// <remarks>
/// <para>
/// A pattern <em>matches</em> a path when it matches all of the path's segments. It <em>applies to</em> a path when
/// it matches the path, or when it ends in a literal segment and matches one of the path's ancestors: paths inherit
/// the configuration of their parent paths, so <c>/users</c> applies to <c>/users/123</c> and <c>/users/*/avatar</c>
/// to <c>/users/1/avatar/small</c>. A pattern ending in <c>*</c> names exactly one segment below its prefix, so
/// <c>/users/*</c> applies to <c>/users/123</c> but not to <c>/users/123/profile</c> (the reference's documented
/// meaning of <c>*</c>; issue 12).
/// </para>
/// <para>
/// Specificity (<see cref="CompareSpecificity"/>), used to order the patterns that apply to a path:
/// (1) more segments is more specific (<c>*</c> and <c>**</c> count as one segment each, like the reference's trie
/// depth); (2) with equal counts, compare segment kinds left to right: literal beats <c>*</c> beats <c>**</c> at the
/// first position where they differ (the reference's tie-break); (3) otherwise the ordinal, case-insensitive order of
/// <see cref="Value"/> decides, only to make the order total and deterministic. <c>/**</c> is therefore always the
/// least specific pattern.
/// </para>
/// </remarks>
public sealed class PathPattern : IEquatable<PathPattern>
{
    public const string AnySegment = "*";
    public const string AnySegments = "**";

    private readonly string[] _segments;
    private readonly PathPatternSegmentKind[] _kinds;

    private PathPattern(string[] segments)
    {
        _segments = segments;
        _kinds = segments.Select(KindOf).ToArray();
        Value = "/" + string.Join('/', segments);
    }

    /// <summary>The pattern that matches every path: <c>/**</c>.</summary>
    public static PathPattern Root { get; } = new([AnySegments]);

    /// <summary>The segments, <c>*</c> and <c>**</c> included, in their configured spelling.</summary>
    public IReadOnlyList<string> Segments => _segments;

    public IReadOnlyList<PathPatternSegmentKind> SegmentKinds => _kinds;

    /// <summary>Canonical form: a leading slash, no trailing slash.</summary>
    public string Value { get; }

    public static PathPattern Parse(string text) =>
        TryParse(text, out var pattern, out var error) ? pattern : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out PathPattern? pattern, [NotNullWhen(false)] out string? error)
    {
        pattern = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a path pattern cannot be empty; use '/**' for every path";
            return false;
        }
        var trimmed = text.Trim();
        if (trimmed.StartsWith('/')) trimmed = trimmed[1..];
        if (trimmed.EndsWith('/')) trimmed = trimmed[..^1];
        if (trimmed.Length == 0)
        {
            error = $"'{text}' matches no asset path; use '/**' for every path";
            return false;
        }
        if (trimmed.Length > AssetPath.MaxLength)
        {
            error = $"the path pattern is longer than {AssetPath.MaxLength} characters";
            return false;
        }

        var segments = new List<string>();
        foreach (var segment in trimmed.Split('/'))
        {
            if (segment.Length == 0)
            {
                error = $"'{text}' has an empty segment (two slashes in a row)";
                return false;
            }
            if (segment is AnySegment or AnySegments)
            {
                if (segment == AnySegments && segments.Count > 0 && segments[^1] == AnySegments) continue;
                segments.Add(segment);
                continue;
            }
            if (segment.Contains('*'))
            {
                error = $"'{text}' has the segment '{segment}': '*' and '**' must be whole segments";
                return false;
            }
            if (segment is "-" or "." or "..")
            {
                error = $"'{text}' has the segment '{segment}', which no asset path can contain";
                return false;
            }
            if (segment.Length > AssetPath.MaxSegmentLength)
            {
                error = $"'{text}' has a segment longer than {AssetPath.MaxSegmentLength} characters";
                return false;
            }
            foreach (var c in segment)
            {
                if (!AssetPath.IsAllowed(c))
                {
                    error = $"'{text}' contains '{(char.IsControl(c) ? '?' : c)}': segments may hold only letters, digits, _~!$'()+=@- and the wildcards * and **";
                    return false;
                }
            }
            segments.Add(segment);
        }
        if (segments.Count > AssetPath.MaxSegments)
        {
            error = $"the path pattern has more than {AssetPath.MaxSegments} segments";
            return false;
        }
        pattern = new PathPattern(segments.ToArray());
        error = null;
        return true;
    }

    /// <summary>True when the pattern matches all segments of <paramref name="path"/>.</summary>
    public bool Matches(AssetPath path) => MatchesPrefix(path.Segments, path.Segments.Count);

    /// <summary>
    /// True when the pattern matches <paramref name="path"/>, or ends in a literal and matches one of its ancestors.
    /// </summary>
    public bool AppliesTo(AssetPath path)
    {
        if (_kinds[^1] != PathPatternSegmentKind.Literal) return Matches(path);
        for (var length = 0; length <= path.Segments.Count; length++)
            if (MatchesPrefix(path.Segments, length))
                return true;
        return false;
    }

    /// <summary>True when the pattern matches the first <paramref name="length"/> segments.</summary>
    internal bool MatchesPrefix(IReadOnlyList<string> segments, int length)
    {
        // Classic wildcard matching with back-tracking to the last '**'; linear for the usual single '**'.
        int p = 0, s = 0, starP = -1, starS = 0;
        while (s < length)
        {
            if (p < _segments.Length && _kinds[p] == PathPatternSegmentKind.AnySegments)
            {
                starP = p++;
                starS = s;
            }
            else if (p < _segments.Length && (_kinds[p] == PathPatternSegmentKind.AnySegment ||
                                              string.Equals(_segments[p], segments[s], StringComparison.OrdinalIgnoreCase)))
            {
                p++;
                s++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }
        while (p < _segments.Length && _kinds[p] == PathPatternSegmentKind.AnySegments) p++;
        return p == _segments.Length;
    }

    /// <summary>
    /// Positive when <paramref name="a"/> is more specific than <paramref name="b"/>; see the class remarks for the
    /// rule. Zero only for equal patterns.
    /// </summary>
    public static int CompareSpecificity(PathPattern a, PathPattern b)
    {
        var byCount = a._segments.Length.CompareTo(b._segments.Length);
        if (byCount != 0) return byCount;
        for (var i = 0; i < a._kinds.Length; i++)
        {
            var byKind = a._kinds[i].CompareTo(b._kinds[i]);
            if (byKind != 0) return byKind;
        }
        // Reverse ordinal so that the order is total; it only decides between patterns of the same shape.
        return -StringComparer.OrdinalIgnoreCase.Compare(a.Value, b.Value);
    }

    /// <summary>Orders patterns from least to most specific.</summary>
    public static IComparer<PathPattern> SpecificityComparer { get; } =
        Comparer<PathPattern>.Create(CompareSpecificity);

    private static PathPatternSegmentKind KindOf(string segment) => segment switch
    {
        AnySegments => PathPatternSegmentKind.AnySegments,
        AnySegment => PathPatternSegmentKind.AnySegment,
        _ => PathPatternSegmentKind.Literal,
    };

    /// <summary>Patterns are equal when they match the same paths (literals compare case-insensitively).</summary>
    public bool Equals(PathPattern? other) =>
        other is not null && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => obj is PathPattern other && Equals(other);
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    public override string ToString() => Value;
}
