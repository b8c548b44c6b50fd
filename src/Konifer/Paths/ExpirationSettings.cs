namespace Konifer.Paths;

/// <summary>
/// <c>transform.retention.expire</c> (formerly <c>transform.expire</c>): when variants expire. <see cref="Ttl"/> is set for <see cref="ExpirationStrategy.Ttl"/>
/// and <see cref="ExpirationStrategy.Idle"/> (where it is required) and null for <see cref="ExpirationStrategy.Never"/>.
/// </summary>
public sealed record ExpirationSettings(ExpirationStrategy Strategy, TimeSpan? Ttl)
{
    public static ExpirationSettings Never { get; } = new(ExpirationStrategy.Never, null);

    /// <summary>The settings for a strategy and the TTL configured with it (ignored by <c>never</c>).</summary>
    /// <exception cref="InvalidPathSettingException">The TTL is not above zero, or missing where the strategy needs one.</exception>
    public static ExpirationSettings Create(ExpirationStrategy strategy, TimeSpan? ttl)
    {
        if (ttl is { } t && t <= TimeSpan.Zero)
            throw new InvalidPathSettingException("ttl", "must be longer than zero");
        if (strategy == ExpirationStrategy.Never) return Never;
        return ttl is null
            ? throw new InvalidPathSettingException("ttl", $"is required when strategy is {(strategy == ExpirationStrategy.Ttl ? "ttl" : "idle")}")
            : new ExpirationSettings(strategy, ttl);
    }
}
