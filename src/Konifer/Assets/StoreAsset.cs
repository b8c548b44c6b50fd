using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;
using Konifer.Paths;
using Konifer.Rules;
using Konifer.Search;
using Konifer.Transformations;
using Konifer.Variants;
using Konifer.Variants.Jobs;
using Konifer.Variants.Scheduling;
using Microsoft.Extensions.Logging;

namespace Konifer.Assets;

/// <summary>
/// Stores an original: inspect the spooled file, check the path's rules (content types, <c>limits</c>, the upload
/// rules, which may refuse it or add labels), preprocess it
/// when the path says so (within <c>transform.limits</c>),
/// reserve the entry (pending), upload the bytes, then make the entry visible, keep its image embedding when the path
/// has search, and queue its eager variants. A failure after the reservation abandons it, so nothing half-stored shows.
/// </summary>
public sealed class StoreAsset(
    IAssetEntries entries,
    IObjectStore objectStore,
    IImageInspector inspector,
    IImageTransformer transformer,
    PlaceholderEncoder placeholders,
    VariantGenerationScheduler scheduler,
    EagerVariantQueue eagerVariants,
    PathConfigurationResolver pathConfigurations,
    VariantProfiles profiles,
    GenerationLimits limits,
    UploadScreening screening,
    EntryEmbedding searchEmbedding,
    TimeProvider clock,
    ILogger<StoreAsset> logger)
{
    public async Task<Asset> ExecuteAsync(StoreAssetCommand command, CancellationToken cancellationToken)
    {
        var configuration = pathConfigurations.Resolve(command.Path);
        var attributes = await inspector.InspectAsync(command.ContentFile, cancellationToken);
        if (!configuration.Allows(attributes.Format))
            throw new ContentTypeNotAllowedException(attributes.Format, command.Path, configuration.AllowedContentTypes);
        configuration.Limits.Check(attributes);
        // The supplied image, before preprocessing, as the reference screens it; a refusal leaves nothing behind.
        var screened = await screening.ScreenAsync(configuration.UploadRuleset, command.ContentFile, command.Information.Labels, cancellationToken);
        var labels = screened.Labels;
        var information = ReferenceEquals(labels, command.Information.Labels) ? command.Information : command.Information with { Labels = labels };

        await using var preprocessed = await PreprocessAsync(command, configuration, attributes, cancellationToken);
        var contentFile = preprocessed?.File.FilePath ?? command.ContentFile;
        attributes = preprocessed?.Attributes ?? attributes;
        var lqip = await placeholders.EncodeAsync(contentFile, attributes, configuration.Lqip, cancellationToken);

        var location = ObjectLocation.NewFor(configuration.Bucket, attributes.Format);
        var pending = await entries.CreatePendingAsync(
            new PendingAsset(command.Path, information, command.Source, command.SourceUrl, location, attributes, lqip, clock.GetUtcNow()),
            cancellationToken);
        var ready = await TwoPhaseStore.UploadThenMarkReadyAsync(objectStore,
            new ReservedUpload(contentFile, location, attributes.Format.MediaType(), pending.Path, pending.EntryId, IsVariant: false),
            async () => await entries.MarkReadyAsync(pending.Id, cancellationToken)
                ?? throw new InvalidOperationException($"The pending asset {pending.Id} disappeared before it became ready."),
            token => entries.AbandonPendingAsync(pending.Id, token), logger, cancellationToken);
        StoreAssetLog.LogStored(logger, ready.Path, ready.EntryId, attributes.Format, attributes.Width, attributes.Height);
        // Before the 201, so the entry is searchable once answered; the rules' embedding is reused (one image-tower run).
        if (configuration.Search.Enabled)
            await searchEmbedding.TryKeepAsync(ready, contentFile, screened.ImageEmbedding, cancellationToken);
        // Queued before the 201 (a short insert, not the generation), so an answered upload's eager variants are
        // never lost; not cancelled by the client leaving, as the entry is stored already.
        await eagerVariants.EnqueueAsync(ready, EagerWithinLimits(configuration, attributes), CancellationToken.None);
        return ready;
    }

    /// <summary>
    /// <c>transform.preprocessing</c>: the upload is transformed before it is stored, and the result becomes the
    /// original variant. Runs as synchronous work in the scheduler, like any generation a client waits for.
    /// </summary>
    private async Task<Preprocessed?> PreprocessAsync(StoreAssetCommand command, PathConfiguration configuration, ImageAttributes attributes, CancellationToken cancellationToken)
    {
        if (!configuration.Preprocessing.Enabled) return null;
        var requested = TransformationRequest.ParsePreprocessing(configuration.Preprocessing.Parameters);
        if (TransformationNormalizer.NormalizePreprocessing(requested, profiles, attributes) is not { } transformation) return null;
        if (configuration.TransformLimits.Violation(transformation) is { } problem)
        {
            StoreAssetLog.LogPreprocessingOverLimits(logger, command.Path, problem);
            throw new TransformationLimitException(problem);
        }
        var cost = limits.Cost(transformation, attributes);

        var output = TemporaryFile.Reserve(transformation.Format.Extension());
        try
        {
            var result = await scheduler.EnqueueAsync($"preprocess {Guid.NewGuid():N}", WorkPriority.Synchronous,
                cost, token => transformer.TransformAsync(command.ContentFile, attributes, transformation, output.FilePath, token), cancellationToken);
            return new Preprocessed(output, result);
        }
        catch
        {
            await output.DisposeAsync();
            throw;
        }
    }

    /// <summary>The path's eager variants of this original, but those over <c>transform.limits</c>: skipped, as the reference does.</summary>
    private IReadOnlyList<Transformation> EagerWithinLimits(PathConfiguration configuration, ImageAttributes attributes)
    {
        var eager = TransformationNormalizer.NormalizeProfiles(configuration.EagerVariants, profiles, attributes);
        var within = new List<Transformation>(eager.Count);
        foreach (var transformation in eager)
        {
            if (configuration.TransformLimits.Violation(transformation) is { } problem)
                StoreAssetLog.LogEagerOverLimits(logger, transformation.Width, transformation.Height, problem);
            else
                within.Add(transformation);
        }
        return within;
    }

    private sealed record Preprocessed(TemporaryFile File, ImageAttributes Attributes) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => File.DisposeAsync();
    }
}

/// <summary>The log lines of <see cref="StoreAsset"/>.</summary>
internal static partial class StoreAssetLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Path} entry {EntryId} as {Format} {Width}x{Height}")]
    public static partial void LogStored(ILogger logger, AssetPath path, long entryId, ImageFormat format, int width, int height);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Preprocessing of an upload to {Path} refused by transform.limits: {Problem}")]
    public static partial void LogPreprocessingOverLimits(ILogger logger, AssetPath path, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Eager variant {Width}x{Height} skipped, over transform.limits: {Problem}")]
    public static partial void LogEagerOverLimits(ILogger logger, int width, int height, string problem);
}
