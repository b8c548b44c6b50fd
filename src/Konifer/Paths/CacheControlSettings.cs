using System.Globalization;

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

    /// <summary>The directives as written in the header, which is also how <c>konifer.conf</c> spells them.</summary>
    internal static readonly (string Text, CacheVisibility Value)[] Visibilities =
        [("public", CacheVisibility.Public), ("private", CacheVisibility.Private)];

    internal static readonly (string Text, CacheRevalidation Value)[] Revalidations =
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
}
