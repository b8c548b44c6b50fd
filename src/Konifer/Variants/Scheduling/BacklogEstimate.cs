namespace Konifer.Variants.Scheduling;

/// <summary>
/// Turns recent job durations into the retry-after suggested when a queue is full: the time the workers need to
/// clear the backlog (1 to 60 s), so refused clients come back when there is room rather than hammering a saturated
/// service. Not thread-safe: the scheduler calls it under its lock.
/// </summary>
internal sealed class BacklogEstimate
{
    private const double AssumedSeconds = 1; // until the first job has finished
    private const double ShortestSeconds = 1;
    private const double LongestSeconds = 60;

    private double? _averageSeconds;

    /// <summary>Folds one finished job into a moving average that follows a change in load within a few jobs.</summary>
    public void Record(TimeSpan duration) =>
        _averageSeconds = _averageSeconds is { } average
            ? 0.8 * average + 0.2 * duration.TotalSeconds
            : duration.TotalSeconds;

    public TimeSpan RetryAfter(int queuedJobs, int workers)
    {
        var seconds = Math.Ceiling((_averageSeconds ?? AssumedSeconds) * queuedJobs / workers);
        return TimeSpan.FromSeconds(Math.Clamp(seconds, ShortestSeconds, LongestSeconds));
    }
}
