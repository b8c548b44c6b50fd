using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Telemetry;
using Konifer.Core.Transformations;
using Konifer.Paths;
using Konifer.Variants.Claims;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants;

/// <summary>
/// Makes one variant: original bytes → temporary file → libvips → temporary file → pending record → object store →
/// ready record. Files, not byte arrays, carry the image at every step. With <see cref="ClaimedGeneration"/> (as the
/// server runs) the variant is claimed first, so that instances sharing a store generate it once: whoever calls this
/// (a request's job, an eager job) either generates it under the claim or waits for the holder's and returns that.
/// </summary>
public sealed class VariantGeneration(
    IVariantRecords variantRecords,
    IObjectStore objectStore,
    IImageTransformer transformer,
    PlaceholderEncoder placeholders,
    TimeProvider clock,
    ILogger<VariantGeneration> logger,
    VariantInstruments? instruments = null,
    ClaimedGeneration? claims = null)
{
    /// <summary><paramref name="configuration"/> is the asset's path configuration, resolved once by the caller (see <see cref="VariantCache"/>).</summary>
    public Task<Variant> GenerateAsync(Asset asset, PathConfiguration configuration, Transformation transformation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(transformation);
        if (claims is null) return GenerateUnclaimedAsync(asset, configuration, transformation, cancellationToken);
        // The ready variant is read from the store, not through a cache that may still answer "none" to a waiter.
        return claims.RunAsync(asset.Id, transformation,
            token => variantRecords.FindReadyVariantAsync(asset.Id, transformation, token),
            token => GenerateUnclaimedAsync(asset, configuration, transformation, token), cancellationToken);
    }

    private async Task<Variant> GenerateUnclaimedAsync(Asset asset, PathConfiguration configuration, Transformation transformation,
        CancellationToken cancellationToken)
    {
        using var span = KoniferTelemetry.Activities.StartActivity("konifer.generate");
        span?.SetTag("konifer.format", transformation.Format.ShortName());
        span?.SetTag("konifer.path", asset.Path.ToString());
        span?.SetTag("konifer.entry-id", asset.EntryId);
        var generationStarted = clock.GetTimestamp();
        var original = asset.Original;
        await using var source = await DownloadAsync(asset, original, cancellationToken);
        await using var output = TemporaryFile.Reserve(transformation.Format.Extension());

        var started = clock.GetTimestamp();
        var attributes = await transformer.TransformAsync(source.FilePath, original.Attributes, transformation, output.FilePath, cancellationToken);
        var lqip = PlaceholderRules.CanReuse(transformation, original.Attributes) && configuration.Lqip.All(a => Has(original.Lqip, a))
            ? original.Lqip
            : await placeholders.EncodeAsync(output.FilePath, attributes, configuration.Lqip, cancellationToken);

        var now = clock.GetUtcNow();
        var generated = new NewVariant(transformation, ObjectLocation.NewFor(configuration.Bucket, transformation.Format), attributes, lqip, now,
            VariantExpiry.For(configuration.Expiration, now));
        var recorded = await StoreAsync(asset, generated, configuration.VariantCache.Cap, output.FilePath, cancellationToken);
        VariantGenerationLog.LogGenerated(logger, transformation.Format, attributes.Width, attributes.Height, asset.Path, asset.EntryId,
            (int)clock.GetElapsedTime(started).TotalMilliseconds);
        instruments?.Generated(transformation.Format, clock.GetElapsedTime(generationStarted));
        return recorded;
    }

    /// <summary>
    /// Two-phase, like an original: reserve the record (pending, with the object's location), upload, mark it ready.
    /// A failure abandons the reservation (its object queued for deletion); if even that fails, or the process dies,
    /// the pending-upload sweeper removes it later. So no object is left without a record pointing at it. Marking it
    /// ready also evicts the asset's least valuable variants beyond the path's <c>max-variants</c>.
    /// </summary>
    private async Task<Variant> StoreAsync(Asset asset, NewVariant generated, VariantCap cap, string file, CancellationToken cancellationToken)
    {
        var pending = await variantRecords.ReserveVariantAsync(asset.Id, generated, cancellationToken)
            ?? throw new AssetNotFoundException(asset.Path, asset.EntryId);
        var recorded = await TwoPhaseStore.UploadThenMarkReadyAsync(objectStore,
            new ReservedUpload(file, generated.Location, generated.Transformation.Format.MediaType(), asset.Path, asset.EntryId, IsVariant: true),
            // Not cancelled: the work is done, and a client that left should not cost the next one a regeneration.
            () => variantRecords.MarkVariantReadyAsync(pending, cap, CancellationToken.None),
            token => variantRecords.AbandonPendingVariantAsync(pending, token), logger, cancellationToken);
        return recorded ?? throw new AssetNotFoundException(asset.Path, asset.EntryId);
    }

    private async Task<TemporaryFile> DownloadAsync(Asset asset, Variant original, CancellationToken cancellationToken)
    {
        await using var stored = await objectStore.GetAsync(original.Location, cancellationToken)
            ?? throw new AssetContentMissingException(asset.Path, asset.EntryId);
        return await TemporaryFile.CopyFromAsync(stored.Content, long.MaxValue, _ => new InvalidOperationException(), cancellationToken,
            original.Attributes.Format.Extension());
    }

    private static bool Has(Lqip lqip, LqipAlgorithm algorithm) =>
        algorithm == LqipAlgorithm.Blurhash ? lqip.Blurhash is not null : lqip.Thumbhash is not null;
}

/// <summary>The log lines of <see cref="VariantGeneration"/>.</summary>
internal static partial class VariantGenerationLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Generated {Format} {Width}x{Height} variant of {Path} entry {EntryId} in {Elapsed} ms")]
    public static partial void LogGenerated(ILogger logger, ImageFormat format, int width, int height, AssetPath path, long entryId, int elapsed);
}
