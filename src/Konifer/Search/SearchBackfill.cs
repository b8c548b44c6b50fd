using Konifer.Background;
using Konifer.Core.Problems;
using Konifer.Core.Storage;
using Konifer.Paths;
using Microsoft.Extensions.Logging;

namespace Konifer.Search;

/// <summary>
/// Embeds the ready entries of search-enabled paths that have no embedding: those stored before search was turned on
/// for their path (or under another model), and uploads whose embedding could not be saved. One instance at a time
/// (<see cref="IBackfillLock"/>), one image at a time through the inference pool, so uploads keep their share of it:
/// when the pool's queue is full the backfill waits and tries the same entry again. An entry that fails otherwise is
/// skipped until the next round.
/// </summary>
public sealed partial class SearchBackfill(
    IEntryEmbeddings embeddings,
    EntryEmbedding embedding,
    PathConfigurationResolver paths,
    IBackfillLock backfillLock,
    SearchBackfillSettings settings,
    TimeProvider clock,
    ILogger<SearchBackfill> logger) : PeriodicBackgroundService(clock, logger)
{
    protected override TimeSpan Interval => settings.Interval;

    protected override string Activity => "Embedding entries for search";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var embedded = await BackfillOnceAsync(cancellationToken).ConfigureAwait(false);
        if (embedded > 0) LogEmbedded(Logger, embedded);
    }

    /// <summary>One round over every entry without an embedding; returns how many it embedded (0 when another instance runs it).</summary>
    public async Task<int> BackfillOnceAsync(CancellationToken cancellationToken)
    {
        await using var held = await backfillLock.TryAcquireAsync(cancellationToken).ConfigureAwait(false);
        if (held is null) return 0;
        var embedded = 0;
        var after = Guid.Empty;
        while (true)
        {
            var page = await embeddings.WithoutEmbeddingAsync(embedding.Model, after, Math.Max(1, settings.PageSize), cancellationToken).ConfigureAwait(false);
            if (page.Count == 0) return embedded;
            foreach (var asset in page)
            {
                after = asset.Id;
                if (!paths.Resolve(asset.Path).Search.Enabled) continue;
                if (await EmbedAsync(asset, cancellationToken).ConfigureAwait(false)) embedded++;
            }
        }
    }

    private async Task<bool> EmbedAsync(Core.Assets.Asset asset, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await embedding.EmbedStoredAsync(asset, cancellationToken).ConfigureAwait(false);
            }
            catch (UnavailableException e) when (e is not MetadataStoreUnavailableException and not ObjectStoreUnavailableException)
            {
                // The inference queue is full: uploads first; the same entry again a little later. (A store outage ends
                // the round instead, and the next one starts over.)
                await Task.Delay(Max(e.RetryAfter, settings.BusyBackOff), Clock, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not MetadataStoreUnavailableException and not ObjectStoreUnavailableException)
            {
                LogFailed(Logger, e, asset.Path, asset.EntryId);
                return false;
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Search backfill embedded {Count} entries")]
    private static partial void LogEmbedded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search backfill could not embed {Path} entry {EntryId}; it is tried again next round")]
    private static partial void LogFailed(ILogger logger, Exception exception, Core.Assets.AssetPath path, long entryId);
}
