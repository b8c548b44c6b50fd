namespace Konifer.Variants.Jobs;

/// <summary>
/// <c>variant-generation.jobs</c>: how long a taken job is leased (renewed every third of it, so two missed renewals
/// still keep it), how often an idle worker looks for jobs queued by other instances, and how failures are retried.
/// </summary>
public sealed record GenerationJobSettings(TimeSpan Lease, TimeSpan PollInterval, int MaxAttempts, TimeSpan Backoff)
{
    public const string Section = "variant-generation.jobs";

    /// <summary>The longest a retry waits, however many attempts failed before.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>
    /// A 60 s lease (the default generation timeout, so one renewal round late is harmless), a 1 s poll, 5 attempts,
    /// retries after 10 s, 20 s, 40 s, 80 s.
    /// </summary>
    public static GenerationJobSettings Default { get; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), 5, TimeSpan.FromSeconds(10));

    /// <summary>Leases are renewed this often while a job runs.</summary>
    public TimeSpan RenewInterval => Lease / 3;

    /// <summary>The wait after the <paramref name="attempt"/>-th failed attempt: doubling from <see cref="Backoff"/>, at most <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var doublings = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Backoff.Ticks * Math.Pow(2, doublings);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Null when usable, otherwise a message naming the offending key.</summary>
    public string? Validate()
    {
        if (Lease < TimeSpan.FromSeconds(1) || Lease > TimeSpan.FromHours(1))
            return $"{Section}.lease must be between 1 s and an hour, but is {Lease}.";
        if (PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromMinutes(10))
            return $"{Section}.poll-interval must be between 10 ms and 10 minutes, but is {PollInterval}.";
        if (MaxAttempts is < 1 or > 100) return $"{Section}.max-attempts must be between 1 and 100, but is {MaxAttempts}.";
        if (Backoff < TimeSpan.Zero || Backoff > MaxBackoff) return $"{Section}.backoff must be between 0 s and an hour, but is {Backoff}.";
        return null;
    }
}
