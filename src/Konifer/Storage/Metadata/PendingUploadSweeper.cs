using Konifer.Background;
using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;
using Microsoft.Extensions.Logging;

namespace Konifer.Storage.Metadata;

/// <summary>
/// Removes uploads that were reserved (pending) but never became ready, because the process died (or the metadata
/// store was unreachable) between creating the record and marking it ready: originals and generated variants alike.
/// Their records go at once and their objects (possibly half written, possibly never written) through the deletion
/// outbox. Several instances may sweep at once: only a record that is still pending is removed, so a record swept
/// twice, or made ready in between, is left alone the second time.
/// </summary>
public sealed partial class PendingUploadSweeper(
    IStaleRecords staleRecords,
    IAssetEntries entries,
    IObjectDeletionSignal deletionSignal,
    PendingUploadSweeperSettings settings,
    TimeProvider clock,
    ILogger<PendingUploadSweeper> logger) : PeriodicBackgroundService(clock, logger)
{
    protected override TimeSpan Interval => settings.Interval;

    protected override string Activity => "Sweeping unfinished uploads";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var swept = await SweepOnceAsync(cancellationToken).ConfigureAwait(false);
        if (swept > 0) LogSwept(Logger, swept, settings.GracePeriod);
    }

    /// <summary>Abandons every upload (original or variant) pending for longer than the grace period. Returns how many.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = Clock.GetUtcNow() - settings.GracePeriod;
        var batchSize = Math.Max(1, settings.BatchSize);
        var total = await InBatchesAsync(batchSize, async () =>
        {
            var stale = await staleRecords.FindPendingOlderThanAsync(cutoff, batchSize, cancellationToken).ConfigureAwait(false);
            foreach (var asset in stale)
            {
                await entries.AbandonPendingAsync(asset.Id, cancellationToken).ConfigureAwait(false);
                LogAbandoned(Logger, asset.Path.Value, asset.EntryId, asset.CreatedAt);
            }
            return stale.Count;
        }).ConfigureAwait(false);
        total += await InBatchesAsync(batchSize, async () =>
        {
            var swept = await staleRecords.SweepPendingVariantsAsync(cutoff, batchSize, cancellationToken).ConfigureAwait(false);
            foreach (var pending in swept)
                LogAbandonedVariant(Logger, pending.Variant.Transformation?.ToString(), pending.AssetId, pending.Variant.CreatedAt);
            return swept.Count;
        }).ConfigureAwait(false);
        if (total > 0) deletionSignal.Nudge();
        return total;
    }

    /// <summary>Runs <paramref name="sweepBatch"/> until a batch comes back short of <paramref name="batchSize"/>; the total.</summary>
    private static async Task<int> InBatchesAsync(int batchSize, Func<Task<int>> sweepBatch)
    {
        var total = 0;
        int count;
        do
        {
            count = await sweepBatch().ConfigureAwait(false);
            total += count;
        }
        while (count == batchSize);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abandoned the unfinished variant {Transformation} of asset {AssetId} (pending since {CreatedAt}).")]
    private static partial void LogAbandonedVariant(ILogger logger, string? transformation, Guid assetId, DateTimeOffset createdAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abandoned the unfinished upload {Path} entry {EntryId} (pending since {CreatedAt}).")]
    private static partial void LogAbandoned(ILogger logger, string path, long entryId, DateTimeOffset createdAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept {Count} upload(s) pending for more than {GracePeriod}.")]
    private static partial void LogSwept(ILogger logger, int count, TimeSpan gracePeriod);
}
