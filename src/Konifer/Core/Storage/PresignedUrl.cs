namespace Konifer.Core.Storage;

/// <summary>A time-limited URL that reads one object straight from the store, and the instant it stops working (UTC).</summary>
public sealed record PresignedUrl(Uri Url, DateTimeOffset ExpiresAt);
