using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;
using Konifer.Paths;
using Konifer.Transformations;
using Konifer.Variants;

namespace Konifer.Assets;

/// <summary>Finds assets by selectors and opens variant content for streaming.</summary>
public sealed class FetchAsset(
    IAssetRepository repository,
    IObjectStore objectStore,
    PathConfigurationResolver pathConfigurations,
    VariantProfiles profiles,
    VariantCache variants,
    IPresignedUrlIssuer? presigner = null)
{
    /// <summary>The checks that need no I/O (e.g. <c>profile_only</c> paths); run before looking anything up.</summary>
    public void CheckRequest(AssetPath path, RequestedTransformation requested) =>
        OnDemandPolicy.CheckRequest(pathConfigurations.Resolve(path).OnDemandVariantMode, requested);

    /// <summary>The canonical variant a request asks for (null = the original), after negotiation and the path's mode.</summary>
    public Transformation? Resolve(Asset asset, RequestedTransformation requested, string? acceptHeader,
        IReadOnlyCollection<ImageFormat>? negotiable = null)
    {
        var configuration = pathConfigurations.Resolve(asset.Path);
        return OnDemandPolicy.Resolve(configuration.OnDemandVariantMode, requested, profiles, asset.Original.Attributes, acceptHeader,
            configuration.EagerVariants, negotiable);
    }

    /// <summary>
    /// Whether the <c>Accept</c> header, not the request or its profile, chose the format of <paramref name="transformation"/>:
    /// then caches must vary on it.
    /// </summary>
    public bool FormatNegotiated(RequestedTransformation requested, Transformation? transformation) =>
        transformation is not null && TransformationNormalizer.WithProfile(requested, profiles).Format is null;

    /// <summary>The path's <c>cache-control</c> block, sent on every successful read.</summary>
    public CacheControlSettings CacheControl(AssetPath path) => pathConfigurations.Resolve(path).CacheControl;

    /// <summary>The variant, generated now when it does not exist yet.</summary>
    public Task<ServedVariant> VariantAsync(Asset asset, Transformation? transformation, CancellationToken cancellationToken) =>
        variants.GetOrGenerateAsync(asset, pathConfigurations.Resolve(asset.Path), transformation, cancellationToken);

    /// <summary>
    /// Where a <c>redirect</c> should point, or null to serve the content itself: strategy <c>none</c>, and
    /// <c>presigned</c> on stores that cannot presign (in-memory, filesystem).
    /// </summary>
    public async ValueTask<RedirectTarget?> RedirectAsync(Asset asset, Variant variant, CancellationToken cancellationToken)
    {
        var redirect = pathConfigurations.Resolve(asset.Path).Redirect;
        switch (redirect.Strategy)
        {
            case RedirectStrategy.Template:
                return new RedirectTarget(redirect.ResolveTemplate(variant.Location.Bucket, variant.Location.Key), null);
            case RedirectStrategy.Presigned when presigner is not null:
                var url = await presigner.TryPresignAsync(variant.Location, redirect.PresignedTtl, cancellationToken);
                return url is null ? null : new RedirectTarget(url.AbsoluteUri, redirect.PresignedTtl);
            default:
                return null;
        }
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
