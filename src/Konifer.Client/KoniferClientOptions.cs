using Konifer.UrlSigning;

namespace Konifer.Client;

/// <summary>What <c>AddKoniferClient</c> configures: the server, the credentials for writes and the URL signing key.</summary>
public sealed class KoniferClientOptions
{
    /// <summary>The server's address, e.g. <c>https://images.example.com/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Where browsers reach the server, for the URLs that <see cref="KoniferUrls"/> builds into pages (a CDN or the
    /// public host); <see cref="BaseAddress"/> when not set.
    /// </summary>
    public Uri? PublicAddress { get; set; }

    /// <summary>An API key (or a JWT) sent as <c>Authorization: Bearer …</c> with every call, when the server requires one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The server's <c>url-signing</c> key, when it signs reads: <see cref="KoniferUrls"/> then signs every URL it
    /// builds (with the first key of a rotation, as the server does).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The server's <c>url-signing.algorithm</c>.</summary>
    public SigningAlgorithm SigningAlgorithm { get; set; } = SigningAlgorithm.HmacSha256;

    /// <summary>When set, signed URLs carry an expiry (<c>exp</c>) this far from when they are built.</summary>
    public TimeSpan? SignedUrlLifetime { get; set; }

    /// <summary>How long one attempt may take before it is given up (uploads of large images need more than reads).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
