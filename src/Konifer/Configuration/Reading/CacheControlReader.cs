using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Konifer.Paths;

namespace Konifer.Configuration.Reading;

/// <summary><c>cache-control</c> of one <c>paths</c> block.</summary>
internal static class CacheControlReader
{
    public static PathSettings Read(ConfigReader cache, PathSettings settings) => settings with
    {
        CacheEnabled = cache.Bool("enabled"),
        MaxAge = Age(cache, "max-age"),
        SharedMaxAge = Age(cache, "s-maxage"),
        CacheVisibility = cache.Choice("visibility", CacheControlSettings.Visibilities),
        CacheRevalidation = cache.Choice("revalidate", CacheControlSettings.Revalidations),
        StaleWhileRevalidate = Age(cache, "stale-while-revalidate"),
        StaleIfError = Age(cache, "stale-if-error"),
        CacheImmutable = cache.Bool("immutable"),
    };

    /// <summary>
    /// Whole seconds above zero. The reference takes a number of seconds; ours also a duration with a unit such as
    /// <c>1h</c>, which therefore has to be a string: a plain number is seconds here, not milliseconds as elsewhere.
    /// </summary>
    private static TimeSpan? Age(ConfigReader cache, string name)
    {
        var raw = cache.Raw(name);
        if (raw is null) return null;
        var text = cache.String(name)!.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds <= 0) throw cache.Error(name, $"{text} is not greater than zero");
            if (seconds > (long)TimeSpan.MaxValue.TotalSeconds) throw cache.Error(name, $"{text} is too large");
            return TimeSpan.FromSeconds(seconds);
        }
        var isString = raw is JsonValue value && value.GetValueKind() == JsonValueKind.String;
        if (isString && DurationParser.TryParse(text, out var age))
        {
            return age.Ticks % TimeSpan.TicksPerSecond != 0 || age <= TimeSpan.Zero
                ? throw cache.Error(name, $"'{text}' is not a whole number of seconds greater than zero")
                : age;
        }
        throw cache.Error(name, $"{ConfigText.Describe(raw)} is not a number of seconds greater than zero (or a duration such as 1h)");
    }
}
