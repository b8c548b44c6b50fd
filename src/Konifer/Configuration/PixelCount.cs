using System.Globalization;

namespace Konifer.Configuration;

/// <summary>
/// Pixel counts as the reference writes them: a number with an optional unit <c>P</c>, <c>KP</c>, <c>MP</c> or
/// <c>GP</c> (any case, spaces allowed), so <c>12MP</c> is 12 000 000 and <c>8.2944MP</c> is 8 294 400. The result
/// must be a whole number above zero; the messages are the reference's.
/// </summary>
internal static class PixelCount
{
    private static readonly (string Unit, decimal Factor)[] Units =
        [("", 1), ("p", 1), ("kp", 1e3m), ("mp", 1e6m), ("gp", 1e9m)];

    public static bool TryParse(string text, out long pixels, out string error)
    {
        pixels = 0;
        error = $"Invalid pixel count: {text}";
        var trimmed = text.Trim();
        var split = trimmed.Length;
        while (split > 0 && char.IsAsciiLetter(trimmed[split - 1])) split--;
        var unit = trimmed[split..].ToLowerInvariant();
        if (!decimal.TryParse(trimmed[..split].Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var number))
            return false;
        foreach (var (name, factor) in Units)
        {
            if (name != unit) continue;
            decimal exact;
            try
            {
                exact = number * factor;
            }
            catch (OverflowException)
            {
                exact = decimal.MaxValue;
            }
            if (exact != decimal.Truncate(exact) || exact > long.MaxValue || exact < long.MinValue)
            {
                error = $"Pixel count must resolve to a whole number within Long range: {text}";
                return false;
            }
            pixels = (long)exact;
            if (pixels > 0) return true;
            error = $"Pixel count must be positive: {pixels}";
            return false;
        }
        return false;
    }
}
