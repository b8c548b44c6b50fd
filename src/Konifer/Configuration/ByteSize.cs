using System.Globalization;

namespace Konifer.Configuration;

/// <summary>
/// Byte sizes as <c>konifer.conf</c> writes them: the reference's spellings (<c>20MB</c> = 20 000 000,
/// <c>20MiB</c> = 20 971 520, a bare number is bytes) and HOCON's longer ones (<c>512M</c>, <c>2 gigabytes</c>), plus,
/// for budgets, a percentage of a total (<c>40%</c>). Written by hand because the served size packages (Humanizer's
/// ByteSize) read <c>KB</c> as 1024 where both the reference and HOCON mean 1000.
/// </summary>
/// <remarks>
/// Ours beyond the reference: HOCON's unit words, the single-letter binary units (<c>K</c>, <c>M</c>, <c>G</c>, <c>T</c>)
/// and a decimal that comes to a whole number of bytes (<c>1.5GB</c>); the reference takes whole numbers only.
/// </remarks>
internal static class ByteSize
{
    private static readonly (string[] Units, decimal Factor)[] Units =
    [
        (["", "b", "byte", "bytes"], 1),
        (["k", "ki", "kib", "kibibyte", "kibibytes"], 1L << 10),
        (["kb", "kilobyte", "kilobytes"], 1e3m),
        (["m", "mi", "mib", "mebibyte", "mebibytes"], 1L << 20),
        (["mb", "megabyte", "megabytes"], 1e6m),
        (["g", "gi", "gib", "gibibyte", "gibibytes"], 1L << 30),
        (["gb", "gigabyte", "gigabytes"], 1e9m),
        (["t", "ti", "tib", "tebibyte", "tebibytes"], 1L << 40),
        (["tb", "terabyte", "terabytes"], 1e12m),
    ];

    /// <summary>
    /// Bytes above zero, or the reason <paramref name="text"/> is not a size (the reference's messages:
    /// <c>Invalid byte size: …</c>, <c>Byte size must be positive: …</c>). A percentage is of
    /// <paramref name="percentOf"/>, and only allowed when that is given.
    /// </summary>
    public static bool TryParse(string text, long? percentOf, out long bytes, out string error)
    {
        bytes = 0;
        error = $"Invalid byte size: {text}";
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%'))
        {
            if (percentOf is not { } total || Number(trimmed[..^1]) is not { } percent || percent <= 0 || percent > 100) return false;
            bytes = (long)(total * percent / 100);
            return Positive(bytes, ref error);
        }
        var split = trimmed.Length;
        while (split > 0 && char.IsLetter(trimmed[split - 1])) split--;
        var unit = trimmed[split..].TrimEnd().ToLowerInvariant();
        if (Number(trimmed[..split]) is not { } number) return false;
        foreach (var (names, factor) in Units)
        {
            if (!names.Contains(unit)) continue;
            decimal exact;
            try
            {
                exact = number * factor;
            }
            catch (OverflowException)
            {
                return false;
            }
            if (exact != decimal.Truncate(exact) || exact > long.MaxValue) return false;
            bytes = (long)exact;
            return Positive(bytes, ref error);
        }
        return false;
    }

    private static bool Positive(long bytes, ref string error)
    {
        if (bytes > 0) return true;
        error = $"Byte size must be positive: {bytes}";
        return false;
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
