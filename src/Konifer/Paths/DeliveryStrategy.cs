namespace Konifer.Paths;

/// <summary><c>delivery.strategy</c>: where a <c>link</c> URL and a <c>redirect</c> <c>Location</c> point.</summary>
public enum DeliveryStrategy
{
    /// <summary>The service's own content URL of the entry (the default).</summary>
    Service,

    /// <summary>A presigned object-store URL; stores that cannot presign fall back to <see cref="Service"/>.</summary>
    Presigned,

    /// <summary>A URL built from <c>template.string</c> with the variant's stored bucket and key.</summary>
    Template,
}
