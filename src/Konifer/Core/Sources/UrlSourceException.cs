using Konifer.Core.Problems;

namespace Konifer.Core.Sources;

/// <summary>A URL or S3 ARN source that was refused or could not be fetched; the message names the rule or the cause.</summary>
public sealed class UrlSourceException(UrlSourceFailure failure, string message, Exception? inner = null)
    : DomainException(KindOf(failure), message, inner)
{
    public UrlSourceFailure Failure { get; } = failure;

    /// <summary>
    /// The reference's documented codes where it names one, its code's finer ones elsewhere (see docs/safety.md): what
    /// the client chose and must change is 400 (too large included), S3's refusal of our credentials 403, a source
    /// that fails or cannot be reached 502, and one that does not answer in time 504.
    /// </summary>
    private static ProblemKind KindOf(UrlSourceFailure failure) => failure switch
    {
        UrlSourceFailure.TimedOut => ProblemKind.UpstreamTimeout,
        UrlSourceFailure.Unreachable or UrlSourceFailure.UpstreamFailed => ProblemKind.UpstreamFailed,
        UrlSourceFailure.AccessDenied => ProblemKind.Forbidden,
        _ => ProblemKind.BadRequest,
    };
}
