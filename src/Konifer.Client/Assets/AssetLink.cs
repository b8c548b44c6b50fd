namespace Konifer.Client;

/// <summary>
/// The <c>link</c> answer: where to fetch the delivered image, until when (presigned delivery only), its alt text,
/// placeholders and attributes (those of the image delivered, after any transformation).
/// </summary>
public sealed record AssetLink(Uri Url, DateTimeOffset? ExpiresAt, string? Alt, Placeholders Lqip, ImageAttributes Attributes);
