using System.Net;

namespace Konifer.Client;

/// <summary>
/// The server answered with an error. <see cref="Exception.Message"/> is the server's own text (Problem Details <c>detail</c>, or
/// the reference's <c>message</c>), which names what was wrong; the subclasses let callers catch what they can handle.
/// </summary>
public class KoniferException : Exception
{
    public KoniferException()
    {
    }

    public KoniferException(string message) : base(message)
    {
    }

    public KoniferException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public KoniferException(HttpStatusCode status, string message, string? title = null, string? type = null) : base(message)
    {
        Status = status;
        Title = title;
        Type = type;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Problem Details <c>title</c>: the status's short description.</summary>
    public string? Title { get; }

    /// <summary>Problem Details <c>type</c>, a URI naming the kind of problem.</summary>
    public string? Type { get; }
}

/// <summary>400, 413, 415, 422: the request itself was wrong (a parameter, the body, an image over the limits); retrying cannot help.</summary>
public sealed class KoniferRequestException(HttpStatusCode status, string message, string? title = null, string? type = null)
    : KoniferException(status, message, title, type);

/// <summary>401: credentials were missing or not accepted.</summary>
public sealed class KoniferAuthenticationException(HttpStatusCode status, string message, string? title = null, string? type = null)
    : KoniferException(status, message, title, type);

/// <summary>403: the credentials, the URL signature or the path's configuration do not allow this.</summary>
public sealed class KoniferForbiddenException(HttpStatusCode status, string message, string? title = null, string? type = null)
    : KoniferException(status, message, title, type);

/// <summary>404: no such entry (only thrown where a call needs one; fetches answer null instead).</summary>
public sealed class KoniferNotFoundException(HttpStatusCode status, string message, string? title = null, string? type = null)
    : KoniferException(status, message, title, type);

/// <summary>
/// 429, 502, 503, 504: the server or what it depends on cannot answer now; try again after <see cref="RetryAfter"/>
/// when the server said so.
/// </summary>
public sealed class KoniferUnavailableException(HttpStatusCode status, string message, TimeSpan? retryAfter, string? title = null, string? type = null)
    : KoniferException(status, message, title, type)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
