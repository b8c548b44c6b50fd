namespace Konifer.Http.Caching;

/// <summary>What the request's preconditions say to do with a representation.</summary>
public enum ConditionalOutcome
{
    /// <summary>Send the representation (200).</summary>
    Send,

    /// <summary>The client's copy is current (304, no body).</summary>
    NotModified,

    /// <summary>An <c>If-Match</c> or <c>If-Unmodified-Since</c> precondition is false (412).</summary>
    PreconditionFailed,
}
