using Konifer.Core.Assets;

namespace Konifer.Assets;

/// <summary>Replaces alt, labels and tags of one entry (full replacement); content never changes.</summary>
public sealed class UpdateAsset(IAssetEntries entries, TimeProvider clock)
{
    public async Task<Asset> ExecuteAsync(UpdateAssetCommand command, CancellationToken cancellationToken)
    {
        // Before the information is checked, so a body that tries to replace the content hears that first.
        if (command.Url is not null)
            throw new BadRequestException("'url' cannot be updated: content is immutable, store a new entry instead.");
        var information = AssetInformation.Create(command.Alt, command.Labels, command.Tags);
        return await entries.UpdateInformationAsync(command.Path, command.EntryId, information, clock.GetUtcNow(), cancellationToken)
            ?? throw new AssetNotFoundException(command.Path, command.EntryId);
    }
}
