using Konifer.Assets;
using Konifer.Paths;
using Konifer.Storage;
using Konifer.Storage.Objects;
using Konifer.Transformations;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants;

/// <summary>
/// Makes one variant: original bytes → temporary file → libvips → temporary file → object store → metadata record.
/// Files, not byte arrays, carry the image at every step.
/// </summary>
public sealed class VariantGeneration(
    IAssetRepository repository,
    IObjectStore objectStore,
    IImageTransformer transformer,
    PlaceholderEncoder placeholders,
    PathConfigurationResolver pathConfigurations,
    TimeProvider clock,
    ILogger<VariantGeneration> logger)
{
    public async Task<Variant> GenerateAsync(Asset asset, Transformation transformation, CancellationToken cancellationToken)
    {
        var configuration = pathConfigurations.Resolve(asset.Path);
        var original = asset.Original;
        await using var source = await DownloadAsync(asset, original, cancellationToken);
        await using var output = TemporaryFile.Reserve(transformation.Format.Extension());

        var started = clock.GetTimestamp();
        var attributes = await transformer.TransformAsync(source.FilePath, original.Attributes, transformation, output.FilePath, cancellationToken);
        var lqip = PlaceholderRules.CanReuse(transformation, original.Attributes) && configuration.Lqip.All(a => Has(original.Lqip, a))
            ? original.Lqip
            : await placeholders.EncodeAsync(output.FilePath, configuration.Lqip, cancellationToken);

        var location = ObjectLocation.NewFor(configuration.Bucket, transformation.Format);
        await using (var content = new FileStream(output.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            await objectStore.PutAsync(location, content, content.Length, transformation.Format.MediaType(), cancellationToken);

        var now = clock.GetUtcNow();
        var recorded = await repository.AddVariantAsync(asset.Id,
            new NewVariant(transformation, location, attributes, lqip, now, VariantExpiry.For(configuration.Expiration, now)),
            CancellationToken.None);
        logger.LogInformation("Generated {Format} {Width}x{Height} variant of {Path} entry {EntryId} in {Elapsed} ms",
            transformation.Format, attributes.Width, attributes.Height, asset.Path, asset.EntryId, (int)clock.GetElapsedTime(started).TotalMilliseconds);
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
