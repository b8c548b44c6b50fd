using Konifer.Core.Problems;

namespace Konifer.Core.Storage;

/// <summary>
/// The object store cannot serve the request: it is unreachable, refuses our credentials, or the bucket does not
/// exist. Distinct from a missing object (which stores report as null/false). The message names the endpoint and
/// bucket for the log; the client is told only that the store is down.
/// </summary>
public sealed class ObjectStoreUnavailableException(string message, Exception? innerException = null)
    : UnavailableException(message, WaitForRecovery, innerException)
{
    /// <summary>How long clients are asked to wait: about what a restart or failover of the store takes.</summary>
    public static readonly TimeSpan WaitForRecovery = TimeSpan.FromSeconds(5);

    public override string Detail => "The object store is unavailable right now. Try again shortly.";
}
