using Konifer.Core.Assets;
using Konifer.Core.Sources;

namespace Konifer.Assets.Sources;

/// <summary>
/// Stores an original fetched from an external source: check the URL or parse the ARN (before anything is fetched),
/// download it under the URL sources' limits, then take the same path as an upload. The asset records
/// <c>source: url</c> or <c>source: arn</c> and the address the client gave (for a URL, not the final redirect target).
/// </summary>
public sealed class StoreAssetFromSource(UrlSourcePolicy policy, IUrlSource urls, IS3ObjectSource s3Objects, StoreAsset store)
{
    public async Task<Asset> ExecuteAsync(AssetPath path, AssetInformation information, ExternalSource source, CancellationToken cancellationToken)
    {
        await using var content = source switch
        {
            ExternalSource.Http http => await urls.DownloadAsync(policy.Check(http.Url), cancellationToken),
            ExternalSource.S3 s3 => await s3Objects.DownloadAsync(S3ObjectArn.Parse(s3.Arn), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a kind of external source."),
        };
        var kind = source is ExternalSource.S3 ? AssetSource.Arn : AssetSource.Url;
        return await store.ExecuteAsync(new StoreAssetCommand(path, information, content.FilePath, kind, source.Address), cancellationToken);
    }
}
