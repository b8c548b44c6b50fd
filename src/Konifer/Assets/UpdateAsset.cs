using Konifer.Core.Assets;

namespace Konifer.Assets;

/// <summary>Replaces alt, labels and tags of one entry (full replacement); content never changes.</summary>
public sealed class UpdateAsset(IAssetEntries entries, TimeProvider clock)
{
    public async Task<Asset> ExecuteAsync(AssetPath path, long entryId, AssetInformation information, CancellationToken cancellationToken) =>
        await entries.UpdateInformationAsync(path, entryId, information, clock.GetUtcNow(), cancellationToken)
        ?? throw new AssetNotFoundException(path, entryId);
}
