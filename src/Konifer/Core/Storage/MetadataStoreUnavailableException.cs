using Konifer.Core.Problems;

namespace Konifer.Core.Storage;

/// <summary>
/// The metadata store cannot serve the request now: the connection is refused or broken, the pool is exhausted, or
/// the server is shutting down, starting up or out of resources. Raised by the store's adapter instead of its
/// driver's own errors, which stay attached as the inner exception for the log (they may name hosts and ports).
/// </summary>
public sealed class MetadataStoreUnavailableException(string message, Exception? innerException = null)
    : UnavailableException(message, WaitForRecovery, innerException)
{
    /// <summary>How long clients are asked to wait: about what a database restart or failover takes.</summary>
    public static readonly TimeSpan WaitForRecovery = TimeSpan.FromSeconds(5);

    public override string Detail => "The metadata store is unavailable right now. Try again shortly.";
}
