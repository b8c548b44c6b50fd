using Konifer.Transformations;
using Konifer.Variants.Jobs;
using Konifer.Variants.Scheduling;

namespace Konifer.Configuration.Reading;

/// <summary><c>variant-generation</c>: the scheduler's workers, queues, memory budget and limits.</summary>
internal static class VariantGenerationReader
{
    public static VariantGenerationSettings Read(ConfigReader generation)
    {
        var outputs = generation.Section("max-output-pixels");
        var lease = generation.Timeout("claim-lease") ?? VariantGenerationSettings.DefaultClaimLease;
        if (lease < VariantGenerationSettings.MinClaimLease)
            throw generation.Error("claim-lease", $"'{lease.TotalMilliseconds:0} ms' is too short: a claim's lease must be at least 1s");
        return new VariantGenerationSettings(
            generation.Int("workers", 1, 1024) ?? Environment.ProcessorCount,
            generation.Int("queue-size", 1, 1_000_000) ?? VariantGenerationSettings.DefaultQueueSize,
            generation.Int("synchronous-priority", 1, 99) ?? VariantGenerationSettings.DefaultSynchronousPriority)
        {
            MemoryBudget = generation.Size("memory-budget", GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)
                ?? VariantGenerationSettings.DefaultMemoryBudget(),
            Timeout = generation.Timeout("timeout") ?? VariantGenerationSettings.DefaultTimeout,
            ClaimLease = lease,
            LargeJobPixels = generation.Pixels("large-job-pixels") ?? VariantGenerationSettings.DefaultLargeJobPixels,
            Jobs = Jobs(generation.Section("jobs")),
            OutputLimits = new OutputLimits(
                outputs.Pixels("streaming") ?? OutputLimits.Default.StreamingMaxPixels,
                outputs.Pixels("full-frame") ?? OutputLimits.Default.FullFrameMaxPixels),
        };
    }

    /// <summary><c>variant-generation.jobs</c>: lease (1 s to an hour), poll interval (up to 10 minutes), attempts, first backoff.</summary>
    private static GenerationJobSettings Jobs(ConfigReader jobs)
    {
        var defaults = GenerationJobSettings.Default;
        return new GenerationJobSettings(
            Within(jobs, "lease", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? defaults.Lease,
            Within(jobs, "poll-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)) ?? defaults.PollInterval,
            jobs.Int("max-attempts", 1, 100) ?? defaults.MaxAttempts,
            Within(jobs, "backoff", TimeSpan.Zero, GenerationJobSettings.MaxBackoff) ?? defaults.Backoff);
    }

    private static TimeSpan? Within(ConfigReader section, string name, TimeSpan min, TimeSpan max) => section.Duration(name) switch
    {
        null => null,
        var d when d >= min && d <= max => d,
        var d => throw section.Error(name, $"{d} is not between {min} and {max}"),
    };
}
