using System.Globalization;

namespace Konifer.Configuration;

/// <summary>
/// Minimal duration parser (placeholder until the shared one is merged): a whole number followed by an optional
/// unit <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c>; a plain number is milliseconds.
/// </summary>
public static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        if (digits == 0) return false;
        if (!long.TryParse(s.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return false;
        var unit = s[digits..].Trim().ToLowerInvariant();
        long? millisPerUnit = unit switch
        {
            "" or "ms" => 1,
            "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            _ => null,
        };
        if (millisPerUnit is null) return false;
        if (amount > TimeSpan.MaxValue.TotalMilliseconds / millisPerUnit.Value) return false;
        value = TimeSpan.FromMilliseconds(amount * millisPerUnit.Value);
        return true;
    }
}
