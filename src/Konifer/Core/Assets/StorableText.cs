namespace Konifer.Core.Assets;

/// <summary>
/// Text every metadata store can keep: PostgreSQL's text and jsonb refuse U+0000, and UTF-8 has no encoding for a
/// lone UTF-16 surrogate. Refusing both here keeps the stores alike and keeps such input away from the database.
/// </summary>
public static class StorableText
{
    /// <summary>Why <paramref name="value"/> cannot be stored, naming it as <paramref name="field"/>; null when it can.</summary>
    public static string? Problem(string? value, string field)
    {
        if (value is null) return null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') return $"{field} contains a NUL character (U+0000), which cannot be stored.";
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) return $"{field} contains an unpaired UTF-16 surrogate (U+{(int)c:X4}), which is not valid text.";
        }
        return null;
    }
}
