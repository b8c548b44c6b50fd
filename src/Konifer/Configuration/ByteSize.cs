using System.Globalization;

namespace Konifer.Configuration;

/// <summary>
/// Reads HOCON's size-in-bytes values (<c>2GB</c>, <c>512MiB</c>, <c>1.5G</c>, <c>1048576</c>) and, for budgets,
/// a percentage of a total (<c>40%</c>). Written by hand because the served size packages (Humanizer's ByteSize)
/// read <c>KB</c> as 1024 where HOCON, which <c>konifer.conf</c> follows, means 1000 and spells 1024 <c>K</c> or <c>KiB</c>.
/// </summary>
internal static class ByteSize
{
    private static readonly (string[] Units, double Factor)[] Units =
    [
        (["", "b", "byte", "bytes"], 1),
        (["k", "ki", "kib", "kibibyte", "kibibytes"], 1L << 10),
        (["kb", "kilobyte", "kilobytes"], 1e3),
        (["m", "mi", "mib", "mebibyte", "mebibytes"], 1L << 20),
        (["mb", "megabyte", "megabytes"], 1e6),
        (["g", "gi", "gib", "gibibyte", "gibibytes"], 1L << 30),
        (["gb", "gigabyte", "gigabytes"], 1e9),
        (["t", "ti", "tib", "tebibyte", "tebibytes"], 1L << 40),
        (["tb", "terabyte", "terabytes"], 1e12),
    ];

    /// <summary>Bytes, or null when <paramref name="text"/> is not a size. A percentage is of <paramref name="percentOf"/>.</summary>
    public static long? TryParse(string text, long percentOf)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%'))
            return Number(trimmed[..^1]) is { } percent and > 0 and <= 100 ? (long)(percentOf * percent / 100) : null;
        var split = trimmed.Length;
        while (split > 0 && char.IsLetter(trimmed[split - 1])) split--;
        var unit = trimmed[split..].ToLowerInvariant();
        if (Number(trimmed[..split]) is not { } number || number < 0) return null;
        foreach (var (names, factor) in Units)
            if (names.Contains(unit))
                return number * factor is var bytes and < long.MaxValue ? (long)bytes : null;
        return null;
    }

    private static double? Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
}
