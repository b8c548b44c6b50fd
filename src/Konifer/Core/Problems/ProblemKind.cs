namespace Konifer.Core.Problems;

/// <summary>
/// What a <see cref="DomainException"/> says went wrong, in the domain's terms. The inbound adapter decides what each
/// becomes on its protocol (the HTTP status), so code that throws never has to know about HTTP.
/// </summary>
public enum ProblemKind
{
    /// <summary>The request must change: bad input, an unreadable image, a transformation or source URL the rules refuse.</summary>
    BadRequest,

    /// <summary>The request is understood and well formed, but the path's rules do not admit it.</summary>
    Forbidden,

    /// <summary>What the request names does not exist (or its content is gone).</summary>
    NotFound,

    /// <summary>The content (an upload, a body, a fetched source) is larger than this server accepts.</summary>
    TooLarge,

    /// <summary>The request's content comes in a form this operation does not take.</summary>
    UnsupportedMediaType,

    /// <summary>
    /// The work the request asks for ran past the server's time limit. Asking again costs the same time again, so
    /// unlike <see cref="Unavailable"/> this is not "try later" but "ask for less".
    /// </summary>
    Timeout,

    /// <summary>The service cannot do this now but expects to shortly; see <see cref="UnavailableException.RetryAfter"/>.</summary>
    Unavailable,

    /// <summary>
    /// A service outside ours that the request named (a URL or S3 source) failed or could not be reached: the gateway's
    /// 502, not our 503, because our own stores are fine and the client chose the other end.
    /// </summary>
    UpstreamFailed,

    /// <summary>A service outside ours that the request named did not answer in time (504).</summary>
    UpstreamTimeout,
}
