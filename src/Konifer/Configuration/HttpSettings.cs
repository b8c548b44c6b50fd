namespace Konifer.Configuration;

/// <summary>
/// <c>PublicUrl</c> null means: build absolute URLs from the request's own scheme and host. <c>AllowedHosts</c>
/// (<c>http.allowed-hosts</c> plus the standard <c>AllowedHosts</c>) limits the <c>Host</c> headers served; empty = any.
/// </summary>
public sealed record HttpSettings(Uri? PublicUrl, IReadOnlyList<string> AllowedHosts)
{
    public HttpSettings(Uri? publicUrl) : this(publicUrl, []) { }

    /// <summary><c>http.openapi.enabled</c>: serve the API document and its interactive page (docs/api.md).</summary>
    public bool OpenApiEnabled { get; init; } = true;
}
