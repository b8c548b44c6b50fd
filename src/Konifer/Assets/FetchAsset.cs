using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;
using Konifer.Paths;
using Konifer.Transformations;
using Konifer.Variants;

namespace Konifer.Assets;

/// <summary>
/// Reads a path: finds the entries the selectors name and answers with their information, a link, a redirect or the
/// bytes of the variant asked for (generated now when it does not exist yet). Links and redirects point where the
/// path's <c>delivery</c> says.
/// </summary>
public sealed class FetchAsset(
    IAssetEntries entries,
    IObjectStore objectStore,
    PathConfigurationResolver pathConfigurations,
    VariantProfiles profiles,
    VariantCache variants,
    IPresignedUrlIssuer? presigner = null)
{
    /// <summary><c>limit</c> of an <c>entries</c> request that gives none.</summary>
    public const int DefaultEntriesLimit = 20;

    /// <summary>
    /// Refusals: <see cref="BadRequestException"/> and <see cref="InvalidTransformationException"/> (400),
    /// <see cref="AssetNotFoundException"/> when nothing matches (except <c>entries</c>, which lists none). The checks
    /// that need no I/O run before any lookup.
    /// </summary>
    public async Task<FetchOutcome> ExecuteAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var requested = request.Transformation;
        var limit = CheckSelection(request);
        // Once per request: the path's rules, the variant cache and the generation all read this one configuration.
        var configuration = pathConfigurations.Resolve(request.Path);
        OnDemandPolicy.CheckRequest(configuration.OnDemandVariantMode, requested);

        var assets = await entries.FindAsync(request.Path, new AssetQuery(request.EntryId, request.Order, request.Labels, limit), cancellationToken);
        if (request.Format == ReturnFormat.Entries) return new FetchOutcome.Entries(assets, configuration.CacheControl);
        if (assets.Count == 0) throw new AssetNotFoundException(request.Path, request.EntryId);
        if (request.Format == ReturnFormat.Info) return new FetchOutcome.Info(assets[0], configuration.CacheControl);

        var asset = assets[0];
        // Accept negotiates every image answer; only the image itself refuses a header it cannot honour (issue 12).
        var transformation = OnDemandPolicy.Resolve(configuration.OnDemandVariantMode, requested, profiles, asset.Original.Attributes,
            request.Accept, configuration.EagerVariants, request.NegotiableFormats,
            refuseUnacceptable: request.Format is ReturnFormat.Content or ReturnFormat.Download);
        // A conversion only Accept asked for never fails the read: past transform.limits (an original larger than the
        // path's output limit) the original itself is served; a conversion the request named is refused (400).
        if (transformation is not null && configuration.TransformLimits.Violation(transformation) is { } problem)
        {
            if (!requested.IsEmpty) throw new TransformationLimitException(problem);
            transformation = null;
        }
        var served = await variants.GetOrGenerateAsync(asset, configuration, transformation, cancellationToken);
        // The Accept header may choose the format when nothing else names it: caches must key on it.
        var negotiated = OnDemandPolicy.Negotiates(configuration.OnDemandVariantMode, requested, profiles, request.Accept);

        if (request.Format is ReturnFormat.Link or ReturnFormat.Redirect)
        {
            var direct = await DirectUrlAsync(configuration.Delivery, served.Variant, cancellationToken);
            var cacheControl = direct?.ExpiresAt is not null ? configuration.CacheControl.LimitedTo(configuration.Delivery.PresignedTtl) : configuration.CacheControl;
            return new FetchOutcome.Delivery(asset, served.Variant, request.Format == ReturnFormat.Redirect, ContentQuery(requested, transformation),
                direct, served.CacheStatus, negotiated, cacheControl);
        }
        return new FetchOutcome.Content(asset, served.Variant, request.Format == ReturnFormat.Download, served.CacheStatus, negotiated,
            configuration.CacheControl, aborted => OpenAsync(asset, served.Variant, aborted));
    }

    /// <summary>
    /// The selector rules of the reference, in its order, and the number of entries to look up: only <c>entries</c>
    /// lists several (20 by default); the other formats read the first match, also when given <c>limit=-1</c>.
    /// </summary>
    private static int CheckSelection(FetchRequest request)
    {
        var format = request.Format;
        var word = format.ToString().ToLowerInvariant();
        if (!request.Transformation.IsEmpty && format is ReturnFormat.Info or ReturnFormat.Entries)
            throw new BadRequestException($"Transformation parameters cannot be combined with the {word} return format.");
        var limit = request.Limit ?? (format == ReturnFormat.Entries ? DefaultEntriesLimit : 1);
        if (format != ReturnFormat.Entries && limit > 1)
            throw new BadRequestException($"Cannot have limit > 1 with return format of: {word}");
        if (format == ReturnFormat.Info && limit != 1)
            throw new BadRequestException("Info requests must select a single entry");
        if (format == ReturnFormat.Entries && request.EntryId is not null)
            throw new BadRequestException("Entries cannot be selected by entry ID");
        return format == ReturnFormat.Entries ? limit : 1;
    }

    /// <summary>A profile-only request links by the profile: a <c>profile_only</c> path would refuse its parameters spelt out.</summary>
    private static string ContentQuery(RequestedTransformation requested, Transformation? transformation) =>
        transformation is null ? ""
        : requested.Profile is { } profile && !requested.HasExplicitParameters ? "?profile=" + Uri.EscapeDataString(profile)
        : "?" + TransformationQuery.ToQueryString(transformation);

    /// <summary>
    /// The URL <c>delivery</c> gives for the variant, or null for the service's own content URL: strategy
    /// <c>service</c>, and <c>presigned</c> on stores that cannot presign (in-memory, filesystem).
    /// </summary>
    private async ValueTask<DeliveryUrl?> DirectUrlAsync(DeliverySettings delivery, Variant variant, CancellationToken cancellationToken)
    {
        switch (delivery.Strategy)
        {
            case DeliveryStrategy.Template:
                return new DeliveryUrl(delivery.ResolveTemplate(variant.Location.Bucket, variant.Location.Key), null);
            case DeliveryStrategy.Presigned when presigner is not null:
                var presigned = await presigner.TryPresignAsync(variant.Location, delivery.PresignedTtl, cancellationToken);
                return presigned is null ? null : new DeliveryUrl(presigned.Url.AbsoluteUri, presigned.ExpiresAt);
            default:
                return null;
        }
    }

    private async Task<StoredObject> OpenAsync(Asset asset, Variant variant, CancellationToken cancellationToken) =>
        await objectStore.GetAsync(variant.Location, cancellationToken)
        ?? throw new AssetContentMissingException(asset.Path, asset.EntryId);
}
