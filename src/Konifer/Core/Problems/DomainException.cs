namespace Konifer.Core.Problems;

/// <summary>
/// A failure the client should hear about, tagged with its <see cref="ProblemKind"/>. Anything else that escapes a
/// request is a bug or an unknown failure, and the client learns only that something went wrong.
/// </summary>
public abstract class DomainException : Exception
{
    protected DomainException(ProblemKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        // An outage must say when to come back; only UnavailableException carries that.
        if (kind == ProblemKind.Unavailable && this is not UnavailableException)
            throw new ArgumentException($"{GetType().Name}: derive from {nameof(UnavailableException)} to report an outage.", nameof(kind));
        Kind = kind;
    }

    public ProblemKind Kind { get; }

    /// <summary>
    /// The sentence the client is shown. The message by default; an exception whose message names internals (hosts,
    /// buckets, queue sizes) overrides it, and the message goes to the log only.
    /// </summary>
    public virtual string Detail => Message;
}
