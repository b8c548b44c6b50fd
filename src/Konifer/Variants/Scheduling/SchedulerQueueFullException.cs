namespace Konifer.Variants.Scheduling;

/// <summary>
/// Thrown when a new job finds its queue full. Nothing was queued; the caller may try again after
/// <see cref="RetryAfter"/> (the HTTP layer answers 503 with a <c>Retry-After</c> header).
/// </summary>
public sealed class SchedulerQueueFullException(WorkPriority priority, int queueSize, TimeSpan retryAfter)
    : Exception($"The {priority.ToString().ToLowerInvariant()} variant generation queue is full ({queueSize} jobs waiting); " +
                $"retry after {retryAfter.TotalSeconds:0} s.")
{
    public WorkPriority Priority { get; } = priority;

    public int QueueSize { get; } = queueSize;

    /// <summary>Whole seconds, at least one: how long the current backlog should take to clear.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
