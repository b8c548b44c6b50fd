using Konifer.Core.Assets;
using Konifer.Core.Sources;

namespace Konifer.Assets.Sources;

/// <summary>
/// Stores an original fetched from a URL: check the URL, download it under the policy's limits, then take the same
/// path as an upload, recording <c>source: url</c> and the URL the client gave (not the final redirect target).
/// </summary>
public sealed class StoreAssetFromUrl(UrlSourcePolicy policy, IUrlSource source, StoreAsset store)
{
    public async Task<Asset> ExecuteAsync(AssetPath path, AssetInformation information, string? url, CancellationToken cancellationToken)
    {
        var uri = policy.Check(url);
        await using var content = await source.DownloadAsync(uri, cancellationToken);
        return await store.ExecuteAsync(new StoreAssetCommand(path, information, content.FilePath, AssetSource.Url, url), cancellationToken);
    }
}
