using Konifer.Core.Problems;

namespace Konifer.Core.Sources;

/// <summary>A URL source that was refused or could not be fetched; the message names the rule or the cause.</summary>
public sealed class UrlSourceException(UrlSourceFailure failure, string message, Exception? inner = null)
    : DomainException(KindOf(failure), message, inner)
{
    public UrlSourceFailure Failure { get; } = failure;

    /// <summary>
    /// Too large is a size limit like an oversized upload's; every other refusal (host, address, redirects, timeouts,
    /// upstream status) is a URL the client must change (see docs/safety.md).
    /// </summary>
    private static ProblemKind KindOf(UrlSourceFailure failure) => failure switch
    {
        UrlSourceFailure.TooLarge => ProblemKind.TooLarge,
        _ => ProblemKind.BadRequest,
    };
}
