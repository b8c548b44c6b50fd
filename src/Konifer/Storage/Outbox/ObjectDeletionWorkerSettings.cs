namespace Konifer.Storage.Outbox;

/// <summary>
/// Tuning of the <see cref="ObjectDeletionWorker"/>; the defaults suit production.
/// The reference has no keys for it, so neither has <c>konifer.conf</c>; tests register their own.
/// </summary>
public sealed record ObjectDeletionWorkerSettings
{
    /// <summary>How often the outbox is checked when nobody nudges the worker.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many deletions one claim takes at most.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>How long a claimed deletion stays invisible to other workers before it may be claimed again.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many objects are deleted at the same time.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>The wait after a first failure; it doubles with each further attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait for attempt number <paramref name="attempt"/> (1 = first failure): exponential, capped.</summary>
    public TimeSpan BackoffFor(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = InitialBackoff.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
