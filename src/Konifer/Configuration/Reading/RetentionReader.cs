using Konifer.Paths;

namespace Konifer.Configuration.Reading;

/// <summary>
/// <c>transform.retention</c> of one <c>paths</c> block: <c>cache</c> (how many variants an asset keeps) and
/// <c>expire</c>, which older configurations write as <c>transform.expire</c>. That spelling is still read when the
/// block has no <c>transform.retention.expire</c>; start-up then warns (through <see cref="ConfigurationWarnings"/>).
/// </summary>
internal static class RetentionReader
{
    public const string ExpireKey = "transform.retention.expire";

    public const string LegacyExpireKey = "transform.expire";

    private static readonly (string, ExpirationStrategy)[] ExpirationStrategies =
        [("never", ExpirationStrategy.Never), ("ttl", ExpirationStrategy.Ttl), ("idle", ExpirationStrategy.Idle)];

    public static PathSettings Read(ConfigReader transform, PathSettings settings, ConfigurationWarnings? warnings = null)
    {
        var retention = transform.Section("retention");
        var cache = retention.Section("cache");
        var legacy = UsesLegacyExpire(transform);
        if (legacy) warnings?.Add(transform.KeyOf("expire"), "is deprecated: write transform.retention.expire instead (the same strategy and ttl)");
        var expire = legacy ? transform.Section("expire") : retention.Section("expire");
        return settings with
        {
            ExpirationStrategy = expire.Choice("strategy", ExpirationStrategies),
            ExpirationTtl = expire.Duration("ttl"),
            MaxVariants = MaxVariants(cache),
            AccessScoreHalfLife = HalfLife(cache),
        };
    }

    /// <summary>
    /// A problem of the merged settings is reported at <paramref name="setting"/> (relative to the block); when it
    /// is about expiry and this block wrote the older spelling, at that spelling, so the key names what the user wrote.
    /// </summary>
    public static string AsWritten(ConfigReader block, string setting) =>
        setting.StartsWith(ExpireKey, StringComparison.Ordinal) && UsesLegacyExpire(block.Section("transform"))
            ? LegacyExpireKey + setting[ExpireKey.Length..]
            : setting;

    /// <summary>Whether the block's expiry is read from <c>transform.expire</c> (the newer key is absent).</summary>
    public static bool UsesLegacyExpire(ConfigReader transform) =>
        transform.Mentions("expire") && !transform.Section("retention").Mentions("expire");

    private static int? MaxVariants(ConfigReader cache)
    {
        const string name = "max-variants";
        var value = cache.Long(name);
        return value switch
        {
            null => null,
            <= 0 => throw cache.Error(name, "'max-variants' must be greater than zero"),
            > int.MaxValue => throw cache.Error(name, $"{value} is out of range (1..{int.MaxValue})"),
            _ => (int)value,
        };
    }

    private static TimeSpan? HalfLife(ConfigReader cache)
    {
        const string name = "access-score-half-life";
        var halfLife = cache.Duration(name);
        return halfLife <= TimeSpan.Zero ? throw cache.Error(name, "'access-score-half-life' must be greater than zero") : halfLife;
    }
}
