using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;
using Konifer.Paths;
using Konifer.Transformations;
using Konifer.Variants;

namespace Konifer.Assets;

/// <summary>
/// Reads a path: finds the entries the selectors name and answers with their information, a link, a redirect or the
/// bytes of the variant asked for (generated now when it does not exist yet).
/// </summary>
public sealed class FetchAsset(
    IAssetEntries entries,
    IObjectStore objectStore,
    PathConfigurationResolver pathConfigurations,
    VariantProfiles profiles,
    VariantCache variants,
    IPresignedUrlIssuer? presigner = null)
{
    /// <summary>
    /// Refusals: <see cref="BadRequestException"/> and <see cref="InvalidTransformationException"/> (400),
    /// <see cref="AssetNotFoundException"/> when nothing matches. The checks that need no I/O run before any lookup.
    /// </summary>
    public async Task<FetchOutcome> ExecuteAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var requested = request.Transformation;
        var info = request.Format == ReturnFormat.Info;
        if (!requested.IsEmpty && info)
            throw new BadRequestException("Transformation parameters cannot be combined with the info return format.");
        // Once per request: the path's rules, the variant cache and the generation all read this one configuration.
        var configuration = pathConfigurations.Resolve(request.Path);
        OnDemandPolicy.CheckRequest(configuration.OnDemandVariantMode, requested);
        var limit = request.Limit ?? 1;
        if (limit != 1 && !info)
            throw new BadRequestException("limit other than 1 is only allowed with the info return format.");

        var assets = await entries.FindAsync(request.Path, new AssetQuery(request.EntryId, request.Order, request.Labels, limit), cancellationToken);
        if (assets.Count == 0) throw new AssetNotFoundException(request.Path, request.EntryId);
        if (info) return new FetchOutcome.Info(assets, limit != 1, configuration.CacheControl);

        var asset = assets[0];
        // Accept negotiates every image answer; only the image itself refuses a header it cannot honour (issue 12).
        var transformation = OnDemandPolicy.Resolve(configuration.OnDemandVariantMode, requested, profiles, asset.Original.Attributes,
            request.Accept, configuration.EagerVariants, request.NegotiableFormats,
            refuseUnacceptable: request.Format is ReturnFormat.Content or ReturnFormat.Download);
        if (transformation is not null) configuration.TransformLimits.Check(transformation);
        var served = await variants.GetOrGenerateAsync(asset, configuration, transformation, cancellationToken);
        // The Accept header may choose the format when nothing else names it: caches must key on it.
        var negotiated = OnDemandPolicy.Negotiates(configuration.OnDemandVariantMode, requested, profiles, request.Accept);

        if (request.Format == ReturnFormat.Link)
            return new FetchOutcome.Link(asset, served.Variant, ContentQuery(requested, transformation), served.CacheStatus, negotiated,
                configuration.CacheControl);
        if (request.Format == ReturnFormat.Redirect && await RedirectAsync(configuration.Redirect, served.Variant, cancellationToken) is { } target)
            return new FetchOutcome.Redirect(target.Location, served.CacheStatus, negotiated,
                target.ExpiresAfter is { } lifetime ? configuration.CacheControl.LimitedTo(lifetime) : configuration.CacheControl);
        return new FetchOutcome.Content(asset, served.Variant, request.Format == ReturnFormat.Download, served.CacheStatus, negotiated,
            configuration.CacheControl, aborted => OpenAsync(asset, served.Variant, aborted));
    }

    /// <summary>A profile-only request links by the profile: a <c>profile_only</c> path would refuse its parameters spelt out.</summary>
    private static string ContentQuery(RequestedTransformation requested, Transformation? transformation) =>
        transformation is null ? ""
        : requested.Profile is { } profile && !requested.HasExplicitParameters ? "?profile=" + Uri.EscapeDataString(profile)
        : "?" + TransformationQuery.ToQueryString(transformation);

    /// <summary>
    /// Where a <c>redirect</c> should point, or null to serve the content itself: strategy <c>none</c>, and
    /// <c>presigned</c> on stores that cannot presign (in-memory, filesystem).
    /// </summary>
    private async ValueTask<RedirectTarget?> RedirectAsync(RedirectSettings redirect, Variant variant, CancellationToken cancellationToken)
    {
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

    private async Task<StoredObject> OpenAsync(Asset asset, Variant variant, CancellationToken cancellationToken) =>
        await objectStore.GetAsync(variant.Location, cancellationToken)
        ?? throw new AssetContentMissingException(asset.Path, asset.EntryId);
}
