using Konifer.Assets;
using Konifer.Assets.Sources;
using Konifer.Configuration;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Http.Caching;
using Konifer.Http.Responses;
using Konifer.Http.Safety;
using Konifer.Http.Selectors;
using Konifer.Http.Signing;
using Konifer.Http.Sources;
using Konifer.Http.Uploads;
using Konifer.Transformations;
using Konifer.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Konifer.Http;

/// <summary>The <c>/assets</c> API. Handlers translate HTTP to a use case call and back; they never touch a store.</summary>
public static class AssetsApi
{
    private const string Route = "/assets/{**rest}";

    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder routes)
    {
        // Judges the raw request target first: routing only sees the path after Kestrel decoded and normalized it.
        var assets = routes.MapGroup("").AddEndpointFilter(RawTargetFilter.Instance);
        assets.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], FetchAsync).WithName("FetchAsset");
        assets.MapPost(Route, StoreAsync).WithName("StoreAsset");
        assets.MapPut(Route, UpdateAsync).WithName("UpdateAsset");
        assets.MapDelete(Route, DeleteAsync).WithName("DeleteAssets");
        return routes;
    }

    private static async Task<IResult> FetchAsync(string? rest, HttpRequest request, FetchAssets fetch, KoniferSettings settings,
        CancellationToken cancellationToken)
    {
        var route = AssetRoute.Parse(rest);
        var selectors = FetchSelectors.Parse(route.Selectors);
        var parameters = QueryParameters.Parse(request.Query);
        var requested = TransformationRequest.Parse(parameters.Transformation);
        if (!requested.IsEmpty && selectors.Format == ReturnFormat.Info)
            throw new BadRequestException("Transformation parameters cannot be combined with the info return format.");
        fetch.CheckRequest(route.Path, requested);
        var limit = parameters.Limit ?? 1;
        if (limit != 1 && selectors.Format != ReturnFormat.Info)
            throw new BadRequestException("limit other than 1 is only allowed with the info return format.");

        var assets = await fetch.ExecuteAsync(route.Path, new AssetQuery(selectors.EntryId, selectors.Order, parameters.Labels, limit), cancellationToken);
        var asset = assets[0];
        // Every successful read of the path carries its Cache-Control, as in the reference (errors clear it).
        CacheHeaders.ApplyCacheControl(request.HttpContext.Response, fetch.CacheControl(route.Path));
        if (selectors.Format == ReturnFormat.Info)
            return limit == 1 ? new JsonRepresentationResult<AssetResponse>(AssetResponse.From(asset))
                : new JsonRepresentationResult<AssetResponse[]>(assets.Select(AssetResponse.From).ToArray());

        var (accept, negotiable) = SignedFormatChoice.For(settings.UrlSigning, request.Headers.Accept.ToString());
        var transformation = fetch.Resolve(asset, requested, accept, negotiable);
        var served = await fetch.VariantAsync(asset, transformation, cancellationToken);
        // The Accept header chose the format when nothing else named it: caches must key on it.
        var negotiated = accept is not null && fetch.FormatNegotiated(requested, transformation);
        var response = request.HttpContext.Response;
        response.Headers["K-Cache-Status"] = served.CacheStatus == CacheStatus.Hit ? "hit" : "miss";
        if (negotiated) response.Headers.Vary = "Accept";

        if (selectors.Format == ReturnFormat.Link)
        {
            // A profile-only path refuses explicit parameters, so its links name the profile instead.
            var query = transformation is null ? ""
                : requested.Profile is { } profile && !requested.HasExplicitParameters ? "?profile=" + Uri.EscapeDataString(profile)
                : "?" + TransformationQuery.ToQueryString(transformation);
            var url = $"{EntryUrl(request, settings, asset)}/content{query}";
            return new JsonRepresentationResult<LinkResponse>(new LinkResponse(url, LqipResponse.From(served.Variant.Lqip), asset.Information.Alt));
        }
        if (selectors.Format == ReturnFormat.Redirect && await fetch.RedirectAsync(asset, served.Variant, cancellationToken) is { } target)
        {
            if (target.ExpiresAfter is { } lifetime)
                CacheHeaders.ApplyCacheControl(response, fetch.CacheControl(route.Path).LimitedTo(lifetime));
            return TypedResults.Redirect(target.Location, permanent: false, preserveMethod: true);
        }

        return new AssetContentResult(asset, served.Variant, aborted => fetch.OpenAsync(asset, served.Variant, aborted),
            selectors.Format == ReturnFormat.Download);
    }

    private static async Task<Created<AssetResponse>> StoreAsync(string? rest, HttpRequest request, StoreAsset store, StoreAssetFromUrl storeFromUrl, KoniferSettings settings, CancellationToken cancellationToken)
    {
        var route = AssetRoute.Parse(rest);
        if (route.Selectors.Count > 0)
            throw new BadRequestException($"Selectors ('{route.SelectorText}') are not allowed when storing: POST to the path itself.");
        if (request.Query.Count > 0)
            throw new BadRequestException($"Query parameters ({string.Join(", ", request.Query.Keys)}) are not allowed when storing.");

        if (JsonBody.IsJson(request.ContentType))
        {
            var body = await JsonBody.ReadAsync<AssetInformationRequest>(request.Body, "store request", cancellationToken);
            var information = body.ToInformation();
            if (body.Url is null)
                throw new BadRequestException("A JSON store request needs a 'url'; to upload bytes send multipart/form-data with 'metadata' and 'asset' parts.");
            var stored = await storeFromUrl.ExecuteAsync(route.Path, information, body.Url, cancellationToken);
            return TypedResults.Created(EntryUrl(request, settings, stored), AssetResponse.From(stored));
        }
        if (!MultipartAssetReader.IsMultipart(request.ContentType))
            throw new UnsupportedMediaTypeException($"Content-Type '{request.ContentType}' is not supported for storing: send multipart/form-data with 'metadata' and 'asset' parts.");

        var (metadata, content) = await MultipartAssetReader.ReadAsync(request, settings.Source.MultipartMaxBytes, cancellationToken);
        await using (content)
        {
            var asset = await store.ExecuteAsync(
                new StoreAssetCommand(route.Path, metadata.ToInformation(), content.FilePath, AssetSource.Upload, null), cancellationToken);
            return TypedResults.Created(EntryUrl(request, settings, asset), AssetResponse.From(asset));
        }
    }

    private static async Task<Ok<AssetResponse>> UpdateAsync(string? rest, HttpRequest request, UpdateAsset update, CancellationToken cancellationToken)
    {
        var route = AssetRoute.Parse(rest);
        var selectors = route.Selectors;
        if (selectors.Count != 2 || !SelectorWords.Is(selectors[0], SelectorWords.Entry))
            throw new BadRequestException($"Updates need an exact entry: PUT /assets{route.Path.Value}/-/entry/{{id}} (got '{route.SelectorText}').");
        var entryId = SelectorWords.RequireEntryId(selectors[1]);
        if (request.Query.Count > 0)
            throw new BadRequestException($"Query parameters ({string.Join(", ", request.Query.Keys)}) are not allowed when updating.");
        JsonBody.RequireJson(request);
        var body = await JsonBody.ReadAsync<AssetInformationRequest>(request.Body, "update request", cancellationToken);
        if (body.Url is not null) throw new BadRequestException("'url' cannot be updated: content is immutable, store a new entry instead.");
        var asset = await update.ExecuteAsync(route.Path, entryId, body.ToInformation(), cancellationToken);
        return TypedResults.Ok(AssetResponse.From(asset));
    }

    private static async Task<NoContent> DeleteAsync(string? rest, HttpRequest request, DeleteAssets delete, CancellationToken cancellationToken)
    {
        var route = AssetRoute.Parse(rest);
        var selectors = DeleteSelectors.Parse(route.Selectors);
        var parameters = QueryParameters.Parse(request.Query);
        if (parameters.Transformation.Count > 0)
            throw new BadRequestException($"Transformation parameters ({string.Join(", ", parameters.Transformation.Keys)}) are not allowed when deleting.");
        if (selectors.Recursive && parameters.Limit is not null)
            throw new BadRequestException("limit cannot be combined with recursive: a recursive delete removes every match.");
        var query = new AssetQuery(selectors.EntryId, selectors.Order, parameters.Labels, selectors.EntryId is null ? parameters.Limit ?? 1 : 1);
        await delete.ExecuteAsync(new DeleteAssetsCommand(route.Path, query, selectors.Recursive), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The absolute URL of one entry (<c>…/assets/{path}/-/entry/{id}</c>): Location of a store, base of a link.</summary>
    private static string EntryUrl(HttpRequest request, KoniferSettings settings, Asset asset) =>
        $"{BaseUrl(request, settings)}/assets{asset.Path.Value}/-/entry/{asset.EntryId}";

    /// <summary><c>http.public-url</c> when configured, else the scheme and host the client used.</summary>
    private static string BaseUrl(HttpRequest request, KoniferSettings settings) =>
        settings.Http.PublicUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
