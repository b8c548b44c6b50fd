using Konifer.Assets;
using Konifer.Storage.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants;

/// <summary>
/// Removes expired variants (their records at once, their bytes through the deletion outbox) every
/// <see cref="Interval"/>. Several instances may run it at once: deleting an already deleted variant is a no-op.
/// </summary>
public sealed class VariantExpirationReaper(
    IAssetRepository repository,
    IObjectDeletionSignal deletionSignal,
    TimeProvider clock,
    ILogger<VariantExpirationReaper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var total = await ReapOnceAsync(stoppingToken);
                if (total > 0) logger.LogInformation("Expired {Count} variant(s)", total);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Expiring variants failed; trying again in {Interval}", Interval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Deletes every variant expired by now, in batches. Returns how many.</summary>
    public async Task<int> ReapOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await repository.DeleteExpiredVariantsAsync(clock.GetUtcNow(), BatchSize, cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);
        if (total > 0) deletionSignal.Nudge();
        return total;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }
}
