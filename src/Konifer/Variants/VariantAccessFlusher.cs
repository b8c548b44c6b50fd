using Konifer.Core.Assets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants;

/// <summary>
/// Writes the counted variant accesses (<see cref="VariantAccessBuffer"/>) to the metadata store every 30 s, sooner
/// when <see cref="VariantAccessBuffer.FlushThreshold"/> distinct variants are waiting, and once more on shutdown.
/// A failed write puts its counts back for the next round. Counts not yet written when the process dies are lost:
/// they only shape which variants are evicted first and when idle ones expire.
/// </summary>
public sealed partial class VariantAccessFlusher(
    VariantAccessBuffer buffer,
    IVariantRecords variantRecords,
    TimeProvider clock,
    ILogger<VariantAccessFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    // One flush at a time: the reaper flushes before it reaps, and if the timer's flush had drained the buffer and
    // not yet written it, the reaper would find nothing to flush and reap a variant served a moment ago.
    private readonly SemaphoreSlim flushing = new(1, 1);

    /// <summary>
    /// Writes what is counted now; returns how many variants it wrote. When another flush is writing, waits for it
    /// first, so that every access counted before the call is in the store when it returns.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        await flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var accesses = buffer.Drain();
            if (accesses.Count == 0) return 0;
            try
            {
                await variantRecords.RecordAccessesAsync(accesses, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return accesses.Count;
            }
            catch
            {
                buffer.Restore(accesses);
                throw;
            }
        }
        finally
        {
            flushing.Release();
        }
    }

    public override void Dispose()
    {
        flushing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await buffer.WaitUntilFullAsync(Interval, clock, stoppingToken).ConfigureAwait(false);
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFlushFailed(logger, exception, buffer.Count, Interval);
            }
        }
    }

    /// <summary>After the loop has stopped: the counts of the last seconds are written, not dropped.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFinalFlushFailed(logger, exception, buffer.Count);
        }
        catch (OperationCanceledException)
        {
            LogFinalFlushFailed(logger, null, buffer.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing variant access counts failed ({Count} variant(s) kept for the next try in {Interval}).")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int count, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing variant access counts on shutdown failed; the counts of {Count} variant(s) are lost.")]
    private static partial void LogFinalFlushFailed(ILogger logger, Exception? exception, int count);
}
