using Konifer.Paths;

namespace Konifer.Variants;

/// <summary>When a variant expires under its path's <c>transform.expire</c> settings.</summary>
public static class VariantExpiry
{
    public static DateTimeOffset? For(ExpirationSettings expiration, DateTimeOffset now) =>
        expiration.Strategy == ExpirationStrategy.Never || expiration.Ttl is not { } ttl ? null : now + ttl;

    /// <summary>
    /// Idle variants are pushed forward when served, but only once a tenth of the window has passed, so that a
    /// popular variant does not cost a metadata write on every request.
    /// </summary>
    public static DateTimeOffset? TouchedExpiry(ExpirationSettings expiration, DateTimeOffset? current, DateTimeOffset now)
    {
        if (expiration.Strategy != ExpirationStrategy.Idle || expiration.Ttl is not { } idle || current is not { } expiresAt) return null;
        var next = now + idle;
        return next - expiresAt >= idle / 10 ? next : null;
    }
}
