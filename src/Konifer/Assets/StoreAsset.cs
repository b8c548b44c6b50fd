using Konifer.Paths;
using Konifer.Storage.Objects;
using Microsoft.Extensions.Logging;

namespace Konifer.Assets;

/// <summary>
/// Stores an original: inspect the spooled file, check the path's rules, reserve the entry (pending), upload the
/// bytes, then make the entry visible. A failure after the reservation abandons it, so nothing half-stored shows.
/// </summary>
public sealed class StoreAsset(
    IAssetRepository repository,
    IObjectStore objectStore,
    IImageInspector inspector,
    PathConfigurationResolver pathConfigurations,
    TimeProvider clock,
    ILogger<StoreAsset> logger)
{
    public async Task<Asset> ExecuteAsync(StoreAssetCommand command, CancellationToken cancellationToken)
    {
        var configuration = pathConfigurations.Resolve(command.Path);
        var attributes = await inspector.InspectAsync(command.ContentFile, cancellationToken);
        if (!configuration.Allows(attributes.Format))
            throw new ContentTypeNotAllowedException(attributes.Format, command.Path, configuration.AllowedContentTypes);

        var location = ObjectLocation.NewFor(configuration.Bucket, attributes.Format);
        var pending = await repository.CreatePendingAsync(
            new PendingAsset(command.Path, command.Information, command.Source, command.SourceUrl, location, attributes, Lqip.None, clock.GetUtcNow()),
            cancellationToken);
        try
        {
            await using (var content = new FileStream(command.ContentFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                await objectStore.PutAsync(location, content, content.Length, attributes.Format.MediaType(), cancellationToken);
            var ready = await repository.MarkReadyAsync(pending.Id, cancellationToken)
                ?? throw new InvalidOperationException($"The pending asset {pending.Id} disappeared before it became ready.");
            logger.LogInformation("Stored {Path} entry {EntryId} as {Format} {Width}x{Height}", ready.Path, ready.EntryId, attributes.Format, attributes.Width, attributes.Height);
            return ready;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Storing {Path} entry {EntryId} failed; abandoning it", pending.Path, pending.EntryId);
            await repository.AbandonPendingAsync(pending.Id, CancellationToken.None);
            throw;
        }
    }
}
