using Konifer.Core.Storage;
using Konifer.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Konifer.Storage.Outbox;

/// <summary>
/// Drains the object deletion outbox: claims due deletions, removes their objects from the object store and
/// completes them. A failed deletion is retried with exponential backoff until the store confirms it; an outbox that
/// cannot be reached is logged and retried the same way. Wakes every <see cref="ObjectDeletionWorkerSettings.PollInterval"/>
/// or when nudged through <see cref="IObjectDeletionSignal"/>.
/// </summary>
public sealed partial class ObjectDeletionWorker(
    IObjectDeletionOutbox outbox,
    IObjectStore objectStore,
    ObjectDeletionSignal signal,
    ObjectDeletionWorkerSettings settings,
    TimeProvider timeProvider,
    ILogger<ObjectDeletionWorker> logger,
    StoreInstruments? instruments = null) : BackgroundService
{
    // The backlog metric costs a count query: taken after work, or every 15 s while idle, not on every 1 s poll.
    private static readonly TimeSpan BacklogCountInterval = TimeSpan.FromSeconds(15);
    private long _backlogCounted = long.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outboxFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await DrainBatchAsync(stoppingToken).ConfigureAwait(false);
                outboxFailures = 0;
                await CountBacklogAsync(claimed, stoppingToken).ConfigureAwait(false);
                if (claimed >= settings.BatchSize) continue; // more may be due right now
                await signal.WaitAsync(settings.PollInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                outboxFailures++;
                var delay = settings.BackoffFor(outboxFailures);
                LogOutboxFailed(logger, exception, outboxFailures, delay);
                try
                {
                    await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }
    }

    private async Task CountBacklogAsync(int claimed, CancellationToken cancellationToken)
    {
        if (instruments is null) return;
        var now = timeProvider.GetTimestamp();
        if (claimed == 0 && _backlogCounted != long.MinValue && timeProvider.GetElapsedTime(_backlogCounted, now) < BacklogCountInterval) return;
        _backlogCounted = now;
        instruments.OutboxBacklog(await outbox.CountAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Claims one batch of due deletions and works through it; returns how many were claimed.</summary>
    private async Task<int> DrainBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await outbox.ClaimDueAsync(settings.BatchSize, timeProvider.GetUtcNow(), settings.Lease, cancellationToken)
            .ConfigureAwait(false);
        if (batch.Count == 0) return 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(batch, parallel, DeleteAsync).ConfigureAwait(false);
        return batch.Count;
    }

    private async ValueTask DeleteAsync(PendingDeletion deletion, CancellationToken cancellationToken)
    {
        var location = deletion.Location;
        try
        {
            await objectStore.DeleteAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // shutting down: the lease runs out and the deletion is claimed again later
        }
        catch (InvalidObjectKeyException exception)
        {
            // The store refuses this location, so no object can exist under it: nothing is left to delete.
            LogInvalidLocation(logger, exception, location.Bucket, location.Key, deletion.Id);
            await outbox.CompleteAsync(deletion.Id, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception exception)
        {
            var delay = settings.BackoffFor(deletion.Attempts);
            LogDeleteFailed(logger, exception, location.Bucket, location.Key, deletion.Id, deletion.Attempts, delay);
            await outbox.RetryLaterAsync(deletion.Id, timeProvider.GetUtcNow() + delay, exception.Message, cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        await outbox.CompleteAsync(deletion.Id, cancellationToken).ConfigureAwait(false);
        LogDeleted(logger, location.Bucket, location.Key, deletion.Id);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted object {Bucket}/{Key} (outbox entry {OutboxId}).")]
    private static partial void LogDeleted(ILogger logger, string bucket, string key, long outboxId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deleting object {Bucket}/{Key} (outbox entry {OutboxId}) failed on attempt {Attempt}; retrying in {RetryDelay}.")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string bucket, string key, long outboxId, int attempt, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Object location {Bucket}/{Key} (outbox entry {OutboxId}) is refused by the object store; dropping the deletion.")]
    private static partial void LogInvalidLocation(ILogger logger, Exception exception, string bucket, string key, long outboxId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The object deletion outbox failed ({ConsecutiveFailures} in a row); retrying in {RetryDelay}.")]
    private static partial void LogOutboxFailed(ILogger logger, Exception exception, int consecutiveFailures, TimeSpan retryDelay);
}
