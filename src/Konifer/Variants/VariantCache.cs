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

    /// <summary>Queues eager variants (best effort, after the upload was answered); failures are logged, not thrown.</summary>
    public void ScheduleEager(Asset asset, PathConfiguration configuration, IEnumerable<Transformation> transformations)
    {
        foreach (var transformation in transformations)
        {
            if (asset.Variants.Any(v => v.Transformation == transformation)) continue;
            JobCost cost;
            try
            {
                cost = limits.Cost(transformation, asset.Original.Attributes);
            }
            catch (InvalidTransformationException e)
            {
                VariantCacheLog.LogEagerRefused(logger, transformation, asset.Path, asset.EntryId, e.Message);
                continue;
            }
            _ = scheduler.EnqueueAsync(JobKey(asset, transformation), WorkPriority.Asynchronous, cost,
                    token => generation.GenerateAsync(asset, configuration, transformation, token), CancellationToken.None)
                .ContinueWith(task => VariantCacheLog.LogEagerFailed(logger, task.Exception?.GetBaseException(), transformation, asset.Path, asset.EntryId),
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private static string JobKey(Asset asset, Transformation transformation) => $"{asset.Id:N} {transformation}";
}

/// <summary>The log lines of <see cref="VariantCache"/>.</summary>
internal static partial class VariantCacheLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Eager variant {Transformation} of {Path} entry {EntryId} is not generated: {Reason}")]
    public static partial void LogEagerRefused(ILogger logger, Transformation transformation, AssetPath path, long entryId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eager variant {Transformation} of {Path} entry {EntryId} was not generated")]
    public static partial void LogEagerFailed(ILogger logger, Exception? exception, Transformation transformation, AssetPath path, long entryId);
}
