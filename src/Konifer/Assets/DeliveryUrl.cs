namespace Konifer.Assets;

/// <summary>
/// Where a <c>link</c> or <c>redirect</c> points when it is not the service's own content URL (which only the inbound
/// adapter can write): a presigned object-store URL, with the instant it expires, or a filled <c>delivery.template</c>.
/// </summary>
public sealed record DeliveryUrl(string Url, DateTimeOffset? ExpiresAt);
