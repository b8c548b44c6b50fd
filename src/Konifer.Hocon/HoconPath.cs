namespace Konifer.Hocon;

/// <summary>A key path such as <c>a.b."c.d"</c>, as a list of segments.</summary>
internal sealed class HoconPath : IEquatable<HoconPath>
{
    public static readonly HoconPath Empty = new([]);

    private HoconPath(IReadOnlyList<string> segments) => Segments = segments;

    public IReadOnlyList<string> Segments { get; }

    public int Count => Segments.Count;

    public HoconPath Append(string segment) => new([.. Segments, segment]);

    public HoconPath Concat(HoconPath other) => other.Count == 0 ? this : Count == 0 ? other : new([.. Segments, .. other.Segments]);

    public HoconPath Skip(int count) => new(Segments.Skip(count).ToArray());

    public bool StartsWith(HoconPath prefix) =>
        prefix.Count <= Count && prefix.Segments.Select((s, i) => s == Segments[i]).All(same => same);

    public bool Equals(HoconPath? other) => other is not null && Segments.SequenceEqual(other.Segments);

    public override bool Equals(object? obj) => Equals(obj as HoconPath);

    public override int GetHashCode() => Segments.Aggregate(0, (hash, s) => HashCode.Combine(hash, s));

    /// <summary>The path joined with '.', as used for environment variable names.</summary>
    public override string ToString() => string.Join('.', Segments);

    /// <summary>
    /// Builds a path from the pieces of a key or substitution. Whitespace at either end is dropped;
    /// whitespace inside is part of the key, as the spec says.
    /// </summary>
    public static HoconPath FromPieces(IReadOnlyList<HoconPathPiece> pieces, HoconPosition position, string what)
    {
        var start = 0;
        var end = pieces.Count;
        while (start < end && pieces[start].Kind == HoconPathPieceKind.Whitespace) start++;
        while (end > start && pieces[end - 1].Kind == HoconPathPieceKind.Whitespace) end--;
        if (start == end) throw position.Error($"{what} is empty");

        var segments = new List<string>();
        var current = new System.Text.StringBuilder();
        var hasContent = false;

        void Finish()
        {
            if (!hasContent)
            {
                throw position.Error($"{what} has an empty path element (a leading, trailing or doubled '.'); quote keys that contain dots, e.g. \"a.b\"");
            }
            segments.Add(current.ToString());
            current.Clear();
            hasContent = false;
        }

        for (var i = start; i < end; i++)
        {
            var piece = pieces[i];
            if (piece.Kind != HoconPathPieceKind.Unquoted)
            {
                current.Append(piece.Text);
                hasContent = true;
                continue;
            }
            var parts = piece.Text.Split('.');
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0) Finish();
                current.Append(parts[p]);
                hasContent |= parts[p].Length > 0;
            }
        }
        Finish();
        return new HoconPath(segments);
    }
}
