using Konifer.Core.Problems;

namespace Konifer.Variants.Scheduling;

/// <summary>
/// Thrown when a new job finds its queue full. Nothing was queued; the caller may try again after
/// <see cref="UnavailableException.RetryAfter"/>, whole seconds and at least one: how long the current backlog should
/// take to clear (the HTTP layer answers 503 with a <c>Retry-After</c> header).
/// </summary>
public sealed class SchedulerQueueFullException(WorkPriority priority, int queueSize, TimeSpan retryAfter)
    : UnavailableException($"The {priority.ToString().ToLowerInvariant()} variant generation queue is full ({queueSize} jobs waiting); " +
                           $"retry after {retryAfter.TotalSeconds:0} s.", retryAfter)
{
    public WorkPriority Priority { get; } = priority;

    public int QueueSize { get; } = queueSize;

    /// <summary>Queue names and sizes are for the log; the client only needs to know to come back.</summary>
    public override string Detail => "Too many images are being generated right now; try again shortly.";
}
