namespace Konifer.Paths;

/// <summary><c>transform.retention.expire.strategy</c> (formerly <c>transform.expire.strategy</c>).</summary>
public enum ExpirationStrategy
{
    /// <summary>Variants never expire (the default).</summary>
    Never,

    /// <summary>Variants expire a TTL after their creation.</summary>
    Ttl,

    /// <summary>Variants expire a TTL after their last access.</summary>
    Idle,
}
