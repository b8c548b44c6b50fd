using Konifer.Background;
using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants;

/// <summary>
/// Removes expired variants (their records at once, their bytes through the deletion outbox) every 30 s.
/// Several instances may run it at once: deleting an already deleted variant is a no-op. This instance's counted
/// accesses are written first, so that an idle variant served since the last flush is not taken for idle.
/// </summary>
public sealed partial class VariantExpirationReaper(
    VariantAccessFlusher accessFlusher,
    IStaleRecords staleRecords,
    IObjectDeletionSignal deletionSignal,
    TimeProvider clock,
    ILogger<VariantExpirationReaper> logger) : PeriodicBackgroundService(clock, logger)
{
    private const int BatchSize = 500;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override string Activity => "Expiring variants";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var total = await ReapOnceAsync(cancellationToken);
        if (total > 0) LogExpired(Logger, total);
    }

    /// <summary>Deletes every variant expired by now, in batches. Returns how many.</summary>
    public async Task<int> ReapOnceAsync(CancellationToken cancellationToken)
    {
        await accessFlusher.FlushAsync(cancellationToken);
        var total = 0;
        int deleted;
        do
        {
            deleted = await staleRecords.DeleteExpiredVariantsAsync(Clock.GetUtcNow(), BatchSize, cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);
        if (total > 0) deletionSignal.Nudge();
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} variant(s)")]
    private static partial void LogExpired(ILogger logger, int count);
}
