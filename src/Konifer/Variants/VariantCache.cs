using Konifer.Core.Assets;
using Konifer.Core.Transformations;
using Konifer.Paths;
using Konifer.Transformations;
using Konifer.Variants.Scheduling;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants;

/// <summary>
/// Serves a variant if the asset has it, otherwise generates it once: concurrent requests for the same variant share
/// one job in the scheduler (single flight), and the metadata store's unique (asset, transformation) keeps it to one
/// record across instances. Every hit of a generated variant is counted in memory (<see cref="VariantAccessBuffer"/>),
/// for its access score and its idle expiry, and written in batches.
/// </summary>
public sealed class VariantCache(
    VariantGeneration generation,
    VariantGenerationScheduler scheduler,
    VariantAccessBuffer accesses,
    GenerationLimits limits,
    TimeProvider clock,
    ILogger<VariantCache> logger,
    VariantInstruments? instruments = null)
{
    /// <summary>
    /// <paramref name="configuration"/> is the asset's path configuration, which the caller resolved once for the
    /// whole request: resolving it again here and in the generation would repeat the same lookup.
    /// </summary>
    public async Task<ServedVariant> GetOrGenerateAsync(Asset asset, PathConfiguration configuration, Transformation? transformation,
        CancellationToken cancellationToken)
    {
        if (transformation is null)
        {
            instruments?.Lookup(CacheStatus.Hit, asset.Original.Attributes.Format);
            return new ServedVariant(asset.Original, CacheStatus.Hit);
        }
        if (asset.Variants.FirstOrDefault(v => v.Transformation == transformation) is { } existing)
        {
            var now = clock.GetUtcNow();
            accesses.Record(asset.Id, existing.Id, now, VariantExpiry.IdleExpiry(configuration.Expiration, existing.ExpiresAt, now),
                configuration.VariantCache.AccessScoreHalfLife);
            instruments?.Lookup(CacheStatus.Hit, transformation.Format);
            return new ServedVariant(existing, CacheStatus.Hit);
        }
        // Refused before queuing (400): an output past the limits would fail or exhaust memory after minutes of work.
        var cost = limits.Cost(transformation, asset.Original.Attributes);
        var generated = await scheduler.EnqueueAsync(JobKey(asset, transformation), WorkPriority.Synchronous, cost,
            token => generation.GenerateAsync(asset, configuration, transformation, token), cancellationToken);
        instruments?.Lookup(CacheStatus.Miss, transformation.Format);
        return new ServedVariant(generated, CacheStatus.Miss);
    }

    /// <summary>
    /// Generates a variant that no client waits for (a job of <see cref="Jobs.IGenerationJobQueue"/>) as asynchronous work
    /// of the scheduler, under the same key as on-demand generation: a request for it meanwhile joins this job (and
    /// moves it to the synchronous queue) instead of doing the work twice. Nothing is done when the asset already has
    /// it; a transformation over the generation limits is logged and dropped, as retrying it cannot succeed.
    /// </summary>
    public async Task GenerateEagerAsync(Asset asset, PathConfiguration configuration, Transformation transformation, CancellationToken cancellationToken)
    {
        if (asset.Variants.Any(v => v.Transformation == transformation)) return;
        JobCost cost;
        try
        {
            cost = limits.Cost(transformation, asset.Original.Attributes);
        }
        catch (InvalidTransformationException e)
        {
            VariantCacheLog.LogEagerRefused(logger, transformation, asset.Path, asset.EntryId, e.Message);
            return;
        }
        await scheduler.EnqueueAsync(JobKey(asset, transformation), WorkPriority.Asynchronous, cost,
            token => generation.GenerateAsync(asset, configuration, transformation, token), cancellationToken);
    }

    private static string JobKey(Asset asset, Transformation transformation) => $"{asset.Id:N} {transformation}";
}

/// <summary>The log lines of <see cref="VariantCache"/>.</summary>
internal static partial class VariantCacheLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Eager variant {Transformation} of {Path} entry {EntryId} is not generated: {Reason}")]
    public static partial void LogEagerRefused(ILogger logger, Transformation transformation, AssetPath path, long entryId, string reason);
}
