namespace Konifer.Core.Sources;

/// <summary>
/// Why a URL or S3 ARN source was refused; <see cref="UrlSourceException"/> gives each its problem kind (see
/// docs/safety.md).
/// </summary>
public enum UrlSourceFailure
{
    InvalidUrl,
    HostNotAllowed,
    AddressNotAllowed,
    TooManyRedirects,
    TooLarge,
    TimedOut,

    /// <summary>The other end answered with a refusal the client must fix (HTTP 4xx, an empty body, S3 4xx).</summary>
    UpstreamStatus,

    /// <summary>The other end could not be reached (name, connection, TLS, I/O, missing AWS credentials or region).</summary>
    Unreachable,

    /// <summary>The other end failed (HTTP 5xx, S3 5xx, a malformed response).</summary>
    UpstreamFailed,

    /// <summary>A redirect that is never followed: HTTPS to HTTP, a loop, no Location, an unsupported 3xx.</summary>
    InvalidRedirect,

    /// <summary>An ARN that is not <c>arn:{partition}:s3:::{bucket}/{key}</c>.</summary>
    InvalidArn,

    /// <summary>Amazon S3 refused our credentials access to the object (401, 403).</summary>
    AccessDenied,
}
