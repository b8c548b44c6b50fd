using System.Globalization;
using System.Text;
using Konifer.Core.Assets;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Maps asset paths to PostgreSQL <c>ltree</c> values. ltree labels (PostgreSQL 15) allow only <c>[A-Za-z0-9_]</c>
/// and at most 255 characters, while segments also allow <c>~!$'()*+=@-</c> and 255 characters, so:
/// <list type="number">
/// <item>Each segment is escaped: letters and digits stay, <c>_</c> becomes <c>__</c>, every other character becomes
/// <c>_</c> and its two upper-case hex digits (<c>-</c> → <c>_2D</c>, <c>@</c> → <c>_40</c>). Example:
/// <c>/users/john_doe/avatar-1</c> → <c>users.john__doe.avatar_2D1</c>.</item>
/// <item>An escaped segment longer than 255 characters is cut (never inside an escape) into labels of at most 253
/// characters, each but the last followed by the marker <c>_Z</c> ("continues in the next label").</item>
/// </list>
/// Read left to right, an underscore is followed by a second underscore, two hex digits or the marker, so the
/// labels split back into segments unambiguously. Because only a segment's last label lacks the marker, one path is
/// an ltree ancestor (<c>&lt;@</c>) of another exactly when its segments are a prefix of the other's. The encoding is
/// the same on PostgreSQL 16+, which would allow '-' and longer labels.
/// </summary>
public static class LtreePath
{
    public const int MaxLabelLength = 255;
    private const string Continues = "_Z";

    public static string Encode(AssetPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join('.', path.Segments.Select(EncodeSegment));
    }

    public static AssetPath Decode(string ltree)
    {
        ArgumentNullException.ThrowIfNull(ltree);
        var segments = new List<string>();
        var segment = new StringBuilder();
        var continues = false;
        foreach (var label in ltree.Split('.'))
        {
            continues = DecodeLabel(label, segment);
            if (continues) continue;
            segments.Add(segment.ToString());
            segment.Clear();
        }
        if (continues) throw new FormatException($"'{ltree}' ends inside a segment (its last label continues).");
        return AssetPath.FromSegments(segments);
    }

    /// <summary>The label or labels (joined by '.') of one segment.</summary>
    public static string EncodeSegment(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        var escaped = new StringBuilder(segment.Length);
        var tokenEnds = new List<int>(segment.Length); // where a cut may fall
        foreach (var c in segment)
        {
            if (char.IsAsciiLetterOrDigit(c)) escaped.Append(c);
            else if (c == '_') escaped.Append("__");
            else if (c < 0x80) escaped.Append('_').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else throw new ArgumentException($"The path segment holds '{c}', which has no ltree encoding.", nameof(segment));
            tokenEnds.Add(escaped.Length);
        }
        if (escaped.Length <= MaxLabelLength) return escaped.ToString();

        var labels = new List<string>();
        var start = 0;
        var token = 0;
        while (escaped.Length - start > MaxLabelLength)
        {
            var end = start;
            while (tokenEnds[token] - start <= MaxLabelLength - Continues.Length) end = tokenEnds[token++];
            labels.Add(escaped.ToString(start, end - start) + Continues);
            start = end;
        }
        labels.Add(escaped.ToString(start, escaped.Length - start));
        return string.Join('.', labels);
    }

    /// <summary>The segment that <see cref="EncodeSegment"/> turned into these label(s).</summary>
    public static string DecodeSegment(string labels)
    {
        var path = Decode(labels);
        if (path.Segments.Count != 1) throw new FormatException($"'{labels}' holds {path.Segments.Count} segments, not one.");
        return path.Segments[0];
    }

    /// <summary>Appends one label's characters to <paramref name="segment"/>; true when the segment continues in the next label.</summary>
    private static bool DecodeLabel(string label, StringBuilder segment)
    {
        if (label.Length is 0 or > MaxLabelLength) throw new FormatException($"'{label}' is not an ltree label of 1 to {MaxLabelLength} characters.");
        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                segment.Append(c);
            }
            else if (c == '_' && i + 1 < label.Length && label[i + 1] == '_')
            {
                segment.Append('_');
                i++;
            }
            else if (c == '_' && i + 2 < label.Length && char.IsAsciiHexDigitUpper(label[i + 1]) && char.IsAsciiHexDigitUpper(label[i + 2]))
            {
                segment.Append((char)int.Parse(label.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else if (c == '_' && i + 2 == label.Length && label[i + 1] == 'Z')
            {
                return true;
            }
            else
            {
                throw new FormatException($"'{label}' is not an encoded path segment (at position {i}).");
            }
        }
        return false;
    }
}
