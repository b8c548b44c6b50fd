using Konifer.Assets;
using Konifer.Storage.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Konifer.Storage.Metadata;

/// <summary>
/// Removes uploads that were reserved (pending) but never became ready, because the process died between creating
/// the record and marking it ready. Their records go at once and their objects (possibly half written) through the
/// deletion outbox. Several instances may sweep at once: abandoning only removes a record that is still pending, so
/// a record swept twice, or made ready in between, is left alone the second time.
/// </summary>
public sealed partial class PendingUploadSweeper(
    IAssetRepository repository,
    IObjectDeletionSignal deletionSignal,
    IOptions<PendingUploadSweeperOptions> options,
    TimeProvider clock,
    ILogger<PendingUploadSweeper> logger) : BackgroundService
{
    private readonly PendingUploadSweeperOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Interval, clock);
        do
        {
            try
            {
                var swept = await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
                if (swept > 0) LogSwept(logger, swept, _options.GracePeriod);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The metadata store may be down; the next tick tries again.
                LogSweepFailed(logger, exception, _options.Interval);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Abandons every upload pending for longer than the grace period. Returns how many.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - _options.GracePeriod;
        var batchSize = Math.Max(1, _options.BatchSize);
        var total = 0;
        IReadOnlyList<Asset> stale;
        do
        {
            stale = await repository.FindPendingOlderThanAsync(cutoff, batchSize, cancellationToken).ConfigureAwait(false);
            foreach (var asset in stale)
            {
                await repository.AbandonPendingAsync(asset.Id, cancellationToken).ConfigureAwait(false);
                LogAbandoned(logger, asset.Path.Value, asset.EntryId, asset.CreatedAt);
            }
            total += stale.Count;
        }
        while (stale.Count == batchSize);
        if (total > 0) deletionSignal.Nudge();
        return total;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false); }
        catch (OperationCanceledException) { return false; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abandoned the unfinished upload {Path} entry {EntryId} (pending since {CreatedAt}).")]
    private static partial void LogAbandoned(ILogger logger, string path, long entryId, DateTimeOffset createdAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept {Count} upload(s) pending for more than {GracePeriod}.")]
    private static partial void LogSwept(ILogger logger, int count, TimeSpan gracePeriod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping unfinished uploads failed; trying again in {Interval}.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, TimeSpan interval);
}
