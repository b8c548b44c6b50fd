using Konifer.Core.Assets;
using Konifer.Core.Transformations;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants.Jobs;

/// <summary>
/// Hands an upload's eager variants to the job queue, so that any instance that runs jobs generates them and they
/// outlive this process; this instance's worker, if it runs one, is woken at once. Best effort, as before the queue:
/// a failure to queue is logged, never turned into a failed upload (the entry is stored and visible already).
/// </summary>
public sealed partial class EagerVariantQueue(IGenerationJobQueue queue, GenerationJobSignal signal, TimeProvider clock, ILogger<EagerVariantQueue> logger)
{
    public async Task EnqueueAsync(Asset asset, IEnumerable<Transformation> transformations, CancellationToken cancellationToken)
    {
        var jobs = transformations
            .Where(t => !asset.Variants.Any(v => v.Transformation == t))
            .Distinct()
            .Select(t => new NewGenerationJob(asset.Id, asset.Path, asset.EntryId, t))
            .ToList();
        if (jobs.Count == 0) return;
        try
        {
            await queue.EnqueueAsync(jobs, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            signal.Nudge();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotQueued(logger, e, jobs.Count, asset.Path, asset.EntryId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} eager variants of {Path} entry {EntryId} were not queued; they are generated on first request")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, int count, AssetPath path, long entryId);
}
