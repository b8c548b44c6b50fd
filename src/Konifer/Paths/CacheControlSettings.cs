using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Konifer.Configuration;

namespace Konifer.Paths;

/// <summary>
/// <c>cache-control</c>: the <c>Cache-Control</c> header of asset responses. The ages are whole seconds greater than
/// zero; the reference takes integers (seconds), and ours also takes a duration with a unit such as <c>1h</c>.
/// Like the reference, directives are not checked for semantic sense.
/// </summary>
public sealed record CacheControlSettings(
    bool Enabled,
    TimeSpan? MaxAge,
    TimeSpan? SharedMaxAge,
    CacheVisibility? Visibility,
    CacheRevalidation? Revalidate,
    TimeSpan? StaleWhileRevalidate,
    TimeSpan? StaleIfError,
    bool Immutable)
{
    public static CacheControlSettings Disabled { get; } = new(false, null, null, null, null, null, null, false);

    private static readonly (string, CacheVisibility)[] Visibilities =
        [("public", CacheVisibility.Public), ("private", CacheVisibility.Private)];

    private static readonly (string, CacheRevalidation)[] Revalidations =
    [
        ("must-revalidate", CacheRevalidation.MustRevalidate),
        ("proxy-revalidate", CacheRevalidation.ProxyRevalidate),
        ("no-cache", CacheRevalidation.NoCache),
    ];

    /// <summary>
    /// The header value, directives in the order max-age, s-maxage, visibility, revalidation,
    /// stale-while-revalidate, stale-if-error, immutable; null when disabled or when no directive is set.
    /// </summary>
    public string? ToHeaderValue()
    {
        if (!Enabled) return null;
        var directives = new List<string>(7);
        if (MaxAge is { } maxAge) directives.Add("max-age=" + Seconds(maxAge));
        if (SharedMaxAge is { } sMaxAge) directives.Add("s-maxage=" + Seconds(sMaxAge));
        if (Visibility is { } visibility) directives.Add(Text(visibility, Visibilities));
        if (Revalidate is { } revalidate) directives.Add(Text(revalidate, Revalidations));
        if (StaleWhileRevalidate is { } swr) directives.Add("stale-while-revalidate=" + Seconds(swr));
        if (StaleIfError is { } sie) directives.Add("stale-if-error=" + Seconds(sie));
        if (Immutable) directives.Add("immutable");
        return directives.Count == 0 ? null : string.Join(", ", directives);
    }

    /// <summary>
    /// The same directives for a response that stops working after <paramref name="lifetime"/> (a redirect to a
    /// presigned URL): ages capped at the lifetime, and no immutable or stale serving, which would hand out a dead URL.
    /// </summary>
    public CacheControlSettings LimitedTo(TimeSpan lifetime) => this with
    {
        MaxAge = MaxAge is { } maxAge && maxAge > lifetime ? lifetime : MaxAge,
        SharedMaxAge = SharedMaxAge is { } shared && shared > lifetime ? lifetime : SharedMaxAge,
        StaleWhileRevalidate = null,
        StaleIfError = null,
        Immutable = false,
    };

    private static string Seconds(TimeSpan value) =>
        ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static string Text<T>(T value, (string Text, T Value)[] choices) where T : struct, Enum =>
        choices.First(c => c.Value.Equals(value)).Text;

    internal static CacheControlSettings Read(ConfigSection section) => new(
        section.Bool("enabled") ?? false,
        ReadAge(section, "max-age"),
        ReadAge(section, "s-maxage"),
        section.Choice("visibility", Visibilities),
        section.Choice("revalidate", Revalidations),
        ReadAge(section, "stale-while-revalidate"),
        ReadAge(section, "stale-if-error"),
        section.Bool("immutable") ?? false);

    private static TimeSpan? ReadAge(ConfigSection section, string name)
    {
        var raw = section.Raw(name);
        if (raw is null) return null;
        var key = section.KeyOf(name);
        TimeSpan age;
        var text = ConfigSection.ScalarText(raw, key).Trim();
        var isString = raw is JsonValue v && v.GetValueKind() == JsonValueKind.String;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds <= 0) throw new ConfigurationException(key, $"{text} is not greater than zero");
            if (seconds > (long)TimeSpan.MaxValue.TotalSeconds) throw new ConfigurationException(key, $"{text} is too large");
            age = TimeSpan.FromSeconds(seconds);
        }
        else if (isString && DurationParser.TryParse(text, out age))
        {
            if (age.Ticks % TimeSpan.TicksPerSecond != 0 || age <= TimeSpan.Zero)
                throw new ConfigurationException(key, $"'{text}' is not a whole number of seconds greater than zero");
        }
        else
        {
            throw new ConfigurationException(key, $"{ConfigSection.Describe(raw)} is not a number of seconds greater than zero (or a duration such as 1h)");
        }
        return age;
    }
}
