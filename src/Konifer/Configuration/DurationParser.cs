using System.Globalization;

namespace Konifer.Configuration;

/// <summary>
/// Parses HOCON durations: a non-negative number with an optional unit, e.g. <c>100ms</c>, <c>10s</c>,
/// <c>30m</c>, <c>24h</c>, <c>7d</c>, <c>10 seconds</c>, <c>1.5 hours</c>. A plain number means milliseconds.
/// </summary>
public static class DurationParser
{
    private const string Expected =
        "expected a non-negative number with an optional unit (ns, us, ms, s, m, h, d or their long names such as seconds, minutes, hours, days), e.g. 100ms, 10s, 30m, 24h or 7d; a plain number means milliseconds";

    private static readonly Dictionary<string, double> TicksPerUnit = BuildUnits();

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;

        var span = text.AsSpan().Trim();
        var numberLength = 0;
        while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.')) numberLength++;
        if (numberLength == 0) return false;

        var number = span[..numberLength];
        if (number[0] == '.' || number[^1] == '.' ||
            !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var unit = span[numberLength..].TrimStart().ToString();
        if (!TicksPerUnit.TryGetValue(unit, out var ticksPerUnit)) return false;

        var ticks = Math.Round(amount * ticksPerUnit);
        if (ticks > TimeSpan.MaxValue.Ticks) return false;
        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <exception cref="FormatException">The text is not a valid duration.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a valid duration: {Expected}.");
    }

    private static Dictionary<string, double> BuildUnits()
    {
        var units = new Dictionary<string, double>(StringComparer.Ordinal) { [""] = TimeSpan.TicksPerMillisecond };
        void Add(double ticks, params string[] names)
        {
            foreach (var name in names) units[name] = ticks;
        }
        Add(0.01, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }
}
