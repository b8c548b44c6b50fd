namespace Konifer.Core.Problems;

/// <summary>
/// A <see cref="ProblemKind.Unavailable"/> failure: a store is down or the service is too busy. It has its own base
/// because it carries how long a client should wait before trying again.
/// </summary>
public abstract class UnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null)
    : DomainException(ProblemKind.Unavailable, message, innerException)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
