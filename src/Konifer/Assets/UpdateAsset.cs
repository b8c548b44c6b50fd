using Konifer.Core.Assets;

namespace Konifer.Assets;

/// <summary>Replaces alt, labels and tags of one entry (full replacement); content never changes.</summary>
public sealed class UpdateAsset(IAssetRepository repository, TimeProvider clock)
{
    public async Task<Asset> ExecuteAsync(AssetPath path, long entryId, AssetInformation information, CancellationToken cancellationToken) =>
        await repository.UpdateInformationAsync(path, entryId, information, clock.GetUtcNow(), cancellationToken)
        ?? throw new AssetNotFoundException(path, entryId);
}
