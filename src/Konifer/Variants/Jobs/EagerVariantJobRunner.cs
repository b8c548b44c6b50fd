using Konifer.Core.Assets;
using Konifer.Core.Transformations;
using Konifer.Paths;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants.Jobs;

/// <summary>
/// Runs a job as the upload would have: finds the asset again (by path and entry id, checking it is the same asset),
/// resolves its path configuration on this instance and generates through the scheduler, so that the memory budget,
/// lanes and timeout apply. An asset deleted (or replaced) meanwhile leaves nothing to do.
/// </summary>
public sealed partial class EagerVariantJobRunner(
    IAssetEntries entries,
    PathConfigurationResolver paths,
    VariantCache variants,
    ILogger<EagerVariantJobRunner> logger) : IGenerationJobRunner
{
    public async Task RunAsync(GenerationJob job, CancellationToken cancellationToken)
    {
        var found = await entries.FindAsync(job.Path, AssetQuery.Entry(job.EntryId), cancellationToken).ConfigureAwait(false);
        if (found.FirstOrDefault(a => a.Id == job.AssetId) is not { } asset)
        {
            LogAssetGone(logger, job.Transformation, job.Path, job.EntryId);
            return;
        }
        try
        {
            await variants.GenerateEagerAsync(asset, paths.Resolve(asset.Path), job.Transformation, cancellationToken).ConfigureAwait(false);
        }
        catch (AssetNotFoundException)
        {
            // Deleted while its variant was being made: the variant went with it, and there is nothing to retry.
            LogAssetGone(logger, job.Transformation, job.Path, job.EntryId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Eager variant {Transformation} of {Path} entry {EntryId} not generated: the asset is gone")]
    private static partial void LogAssetGone(ILogger logger, Transformation transformation, AssetPath path, long entryId);
}
