using Konifer.Paths;
using Konifer.Storage.Objects;

namespace Konifer.Assets;

/// <summary>Finds assets by selectors and opens variant content for streaming.</summary>
public sealed class FetchAssets(IAssetRepository repository, IObjectStore objectStore, PathConfigurationResolver pathConfigurations)
{
    /// <summary>
    /// Where a <c>redirect</c> should point, or null to serve the content itself (strategy <c>none</c>, and
    /// <c>presigned</c> on stores that cannot presign).
    /// </summary>
    public string? RedirectLocation(Asset asset, Variant variant)
    {
        var redirect = pathConfigurations.Resolve(asset.Path).Redirect;
        return redirect.Strategy == RedirectStrategy.Template
            ? redirect.ResolveTemplate(variant.Location.Bucket, variant.Location.Key)
            : null;
    }

    /// <summary>The matching assets, never empty: no match is <see cref="AssetNotFoundException"/>.</summary>
    public async Task<IReadOnlyList<Asset>> ExecuteAsync(AssetPath path, AssetQuery query, CancellationToken cancellationToken)
    {
        var assets = await repository.FindAsync(path, query, cancellationToken);
        return assets.Count > 0 ? assets : throw new AssetNotFoundException(path, query.EntryId);
    }

    public async Task<StoredObject> OpenAsync(Asset asset, Variant variant, CancellationToken cancellationToken) =>
        await objectStore.GetAsync(variant.Location, cancellationToken)
        ?? throw new AssetContentMissingException(asset.Path, asset.EntryId);
}

/// <summary>The record exists but its bytes do not (should not happen with two-phase stores; reported as 404).</summary>
public sealed class AssetContentMissingException(AssetPath path, long entryId)
    : Exception($"The content of entry {entryId} at {path} is not available.");
