using Konifer.Transformations;
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
            OutputLimits = new OutputLimits(
                outputs.Pixels("streaming") ?? OutputLimits.Default.StreamingMaxPixels,
                outputs.Pixels("full-frame") ?? OutputLimits.Default.FullFrameMaxPixels),
        };
    }
}
