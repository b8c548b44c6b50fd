using Konifer.Configuration;

namespace Konifer.Paths;

/// <summary>
/// <c>transform.expire</c>: when variants expire. <see cref="Ttl"/> is set for <see cref="ExpirationStrategy.Ttl"/>
/// and <see cref="ExpirationStrategy.Idle"/> (where it is required) and null for <see cref="ExpirationStrategy.Never"/>.
/// </summary>
public sealed record ExpirationSettings(ExpirationStrategy Strategy, TimeSpan? Ttl)
{
    public static ExpirationSettings Never { get; } = new(ExpirationStrategy.Never, null);

    private static readonly (string, ExpirationStrategy)[] Strategies =
        [("never", ExpirationStrategy.Never), ("ttl", ExpirationStrategy.Ttl), ("idle", ExpirationStrategy.Idle)];

    internal static ExpirationSettings Read(ConfigSection section)
    {
        var strategy = section.Choice("strategy", Strategies) ?? ExpirationStrategy.Never;
        var ttl = section.Duration("ttl");
        if (ttl is { } t && t <= TimeSpan.Zero)
            throw new ConfigurationException(section.KeyOf("ttl"), "must be longer than zero");
        if (strategy == ExpirationStrategy.Never) return Never;
        if (ttl is null)
            throw new ConfigurationException(section.KeyOf("ttl"),
                $"is required when strategy is {(strategy == ExpirationStrategy.Ttl ? "ttl" : "idle")}");
        return new ExpirationSettings(strategy, ttl);
    }
}
