using Konifer.Paths;

namespace Konifer.Variants;

/// <summary>When a variant expires under its path's <c>transform.retention.expire</c> settings.</summary>
public static class VariantExpiry
{
    public static DateTimeOffset? For(ExpirationSettings expiration, DateTimeOffset now) =>
        expiration.Strategy == ExpirationStrategy.Never || expiration.Ttl is not { } ttl ? null : now + ttl;

    /// <summary>
    /// The expiry an access at <paramref name="now"/> gives an idle-expiring variant (one window from now), or null
    /// for other strategies and for variants recorded without an expiry. Accesses are written in batches, so there
    /// is no need to skip small pushes.
    /// </summary>
    public static DateTimeOffset? IdleExpiry(ExpirationSettings expiration, DateTimeOffset? current, DateTimeOffset now) =>
        expiration.Strategy == ExpirationStrategy.Idle && expiration.Ttl is { } idle && current is not null ? now + idle : null;
}
