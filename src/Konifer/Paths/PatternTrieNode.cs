namespace Konifer.Paths;

/// <summary>A node of the pattern trie: one child per literal (case-insensitive), one for <c>*</c>, one for <c>**</c>.</summary>
internal sealed class PatternTrieNode(bool isAnySegments, bool isAnySegment = false)
{
    public Dictionary<string, PatternTrieNode> Literals { get; } = new(StringComparer.OrdinalIgnoreCase);
    public PatternTrieNode? AnySegment { get; set; }
    public PatternTrieNode? AnySegments { get; set; }

    /// <summary>True for a <c>**</c> node, which may consume further segments and stay where it is.</summary>
    public bool IsAnySegments { get; } = isAnySegments;

    /// <summary>True for a <c>*</c> node: a pattern ending here names exactly one segment, so its descendants do not inherit it.</summary>
    public bool IsAnySegment { get; } = isAnySegment;

    /// <summary>Specificity rank of the pattern ending here, or -1.</summary>
    public int Rank { get; set; } = -1;

    public PatternTrieNode Child(string segment, PathPatternSegmentKind kind)
    {
        switch (kind)
        {
            case PathPatternSegmentKind.AnySegments:
                return AnySegments ??= new PatternTrieNode(isAnySegments: true);
            case PathPatternSegmentKind.AnySegment:
                return AnySegment ??= new PatternTrieNode(isAnySegments: false, isAnySegment: true);
            default:
                if (!Literals.TryGetValue(segment, out var child))
                    Literals[segment] = child = new PatternTrieNode(isAnySegments: false);
                return child;
        }
    }
}
