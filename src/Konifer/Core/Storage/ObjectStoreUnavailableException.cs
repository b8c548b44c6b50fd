namespace Konifer.Core.Storage;

/// <summary>
/// The object store cannot serve the request: it is unreachable, refuses our credentials, or the bucket does not
/// exist. Distinct from a missing object (which stores report as null/false), so callers can answer 503 and log it.
/// </summary>
public sealed class ObjectStoreUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
