namespace Konifer.Core.Assets;

/// <summary>
/// Where a <c>redirect</c> sends the client. <see cref="ExpiresAfter"/> is set when the location stops working (a
/// presigned URL), so that no cache keeps the redirect longer than the URL lives.
/// </summary>
public sealed record RedirectTarget(string Location, TimeSpan? ExpiresAfter);
