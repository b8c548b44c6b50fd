namespace Konifer.Paths;

/// <summary>Kinds of pattern segments, ordered from least to most specific.</summary>
public enum PathPatternSegmentKind
{
    /// <summary><c>**</c>: zero or more segments.</summary>
    AnySegments = 0,

    /// <summary><c>*</c>: exactly one segment.</summary>
    AnySegment = 1,

    /// <summary>A literal segment, compared case-insensitively (as the reference does).</summary>
    Literal = 2,
}
