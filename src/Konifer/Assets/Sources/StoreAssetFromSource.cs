using Konifer.Core.Assets;
using Konifer.Core.Sources;

namespace Konifer.Assets.Sources;

/// <summary>
/// Stores an original fetched from an external source: check the URL or parse the ARN (before anything is fetched),
/// download it under the URL sources' limits, then take the same path as an upload. The asset records
/// <c>source: url</c> or <c>source: arn</c> and the address the client gave (for a URL, not the final redirect target).
/// </summary>
public sealed class StoreAssetFromSource(ExternalSourceDownload download, StoreAsset store)
{
    public async Task<Asset> ExecuteAsync(AssetPath path, AssetInformation information, ExternalSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var content = await download.DownloadAsync(source, cancellationToken);
        var kind = source is ExternalSource.S3 ? AssetSource.Arn : AssetSource.Url;
        return await store.ExecuteAsync(new StoreAssetCommand(path, information, content.FilePath, kind, source.Address), cancellationToken);
    }
}
