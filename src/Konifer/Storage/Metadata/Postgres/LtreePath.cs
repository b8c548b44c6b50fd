using System.Globalization;
using System.Text;
using Konifer.Paths;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Maps asset paths to PostgreSQL <c>ltree</c> values, one label per segment. ltree labels (PostgreSQL 15) allow only
/// <c>[A-Za-z0-9_]</c>, while segments also allow <c>~!$'()*+=@-</c>, so segments are encoded reversibly:
/// letters and digits stay as they are, <c>_</c> becomes <c>__</c>, and every other character becomes <c>_</c>
/// followed by its two upper-case hex digits (<c>-</c> → <c>_2D</c>, <c>@</c> → <c>_40</c>). Example:
/// <c>/users/john_doe/avatar-1</c> → <c>users.john__doe.avatar_2D1</c>. Decoding is unambiguous because after an
/// underscore comes either a second underscore or exactly two hex digits. A 255-character segment needs at most 765
/// characters, within ltree's 1000 per label. The encoding is the same on PostgreSQL 16, which would allow '-'.
/// </summary>
public static class LtreePath
{
    public static string Encode(AssetPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join('.', path.Segments.Select(EncodeSegment));
    }

    public static AssetPath Decode(string ltree)
    {
        ArgumentNullException.ThrowIfNull(ltree);
        return AssetPath.FromSegments(ltree.Split('.').Select(DecodeSegment));
    }

    public static string EncodeSegment(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        var label = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            if (char.IsAsciiLetterOrDigit(c)) label.Append(c);
            else if (c == '_') label.Append("__");
            else if (c < 0x80) label.Append('_').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else throw new ArgumentException($"The path segment holds '{c}', which has no ltree encoding.", nameof(segment));
        }
        return label.ToString();
    }

    public static string DecodeSegment(string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var segment = new StringBuilder(label.Length);
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
            else
            {
                throw new FormatException($"'{label}' is not an encoded path segment (at position {i}).");
            }
        }
        return segment.ToString();
    }
}
