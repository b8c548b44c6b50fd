using System.Globalization;
using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>CSS-style hex colours (<c>#RGB</c>, <c>#RGBA</c>, <c>#RRGGBB</c>, <c>#RRGGBBAA</c>) for <c>pad-c</c>.</summary>
public static class HexColor
{
    public static bool TryParse(string? text, out Rgba color)
    {
        color = default;
        if (text is null || text.Length < 2 || text[0] != '#') return false;
        var hex = text.AsSpan(1);
        foreach (var c in hex)
            if (!char.IsAsciiHexDigit(c)) return false;
        switch (hex.Length)
        {
            case 3 or 4:
                color = new Rgba(Short(hex[0]), Short(hex[1]), Short(hex[2]), hex.Length == 4 ? Short(hex[3]) : byte.MaxValue);
                return true;
            case 6 or 8:
                color = new Rgba(Long(hex[0..2]), Long(hex[2..4]), Long(hex[4..6]), hex.Length == 8 ? Long(hex[6..8]) : byte.MaxValue);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The long form with alpha, upper case: <c>#RRGGBBAA</c>.</summary>
    public static string Format(Rgba color) => $"#{color.R:X2}{color.G:X2}{color.B:X2}{color.A:X2}";

    private static byte Short(char digit)
    {
        var value = byte.Parse(digit.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (byte)(value * 17);
    }

    private static byte Long(ReadOnlySpan<char> digits) => byte.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
