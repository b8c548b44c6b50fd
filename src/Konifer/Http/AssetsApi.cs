using System.Diagnostics;
using Konifer.Assets;
using Konifer.Assets.Sources;
using Konifer.Configuration;
using Konifer.Core.Assets;
using Konifer.Http.Auth;
using Konifer.Http.Caching;
using Konifer.Http.OpenApi;
using Konifer.Http.Responses;
using Konifer.Http.Safety;
using Konifer.Http.Selectors;
using Konifer.Http.Signing;
using Konifer.Http.Uploads;
using Konifer.Search;
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
    private const string Tag = "Assets";

    /// <param name="auth">When enabled, store and update need the write scope, delete the delete scope, and reads the
    /// read scope with <c>auth.require-for-reads</c> (Http/Auth); null or disabled leaves every route open.</param>
    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder routes, AuthSettings? auth = null)
    {
        // Judges the raw request target first: routing only sees the path after Kestrel decoded and normalized it.
        var assets = routes.MapGroup("").AddEndpointFilter(RawTargetFilter.Instance);
        // Summaries, problem statuses and extra responses describe the routes in the API document (docs/api.md).
        assets.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], FetchAsync).WithName("FetchAsset").WithTags(Tag)
            .WithSummary("Read an asset: link, info, entries, content, download or redirect").WithDescription(OperationTexts.Fetch)
            .Produces(StatusCodes.Status304NotModified).Produces(StatusCodes.Status307TemporaryRedirect)
            .ProducesProblems(400, 403, 404, 422).AddOpenApiOperationTransformer(AssetOperations.FetchAsync)
            .RequireScope(auth, AuthScope.Read);
        assets.MapPost(Route, StoreAsync).WithName("StoreAsset").WithTags(Tag)
            .WithSummary("Store a new entry (multipart upload or external source)").WithDescription(OperationTexts.Store)
            .ProducesProblems(400, 403, 408, 413, 415, 422, 502, 504).AddOpenApiOperationTransformer(AssetOperations.StoreAsync)
            .RequireScope(auth, AuthScope.Write);
        assets.MapPut(Route, UpdateAsync).WithName("UpdateAsset").WithTags(Tag)
            .WithSummary("Replace an entry's alt, labels and tags").WithDescription(OperationTexts.Update)
            .ProducesProblems(400, 404, 415).AddOpenApiOperationTransformer(AssetOperations.UpdateAsync)
            .RequireScope(auth, AuthScope.Write);
        assets.MapDelete(Route, DeleteAsync).WithName("DeleteAssets").WithTags(Tag)
            .WithSummary("Delete entries").WithDescription(OperationTexts.Delete)
            .ProducesProblems(400).AddOpenApiOperationTransformer(AssetOperations.DeleteAsync)
            .RequireScope(auth, AuthScope.Delete);
        return routes;
    }

    // Results<> takes our own IResults too: the union names every shape a read answers with.
    // The image content last: its media types are the ones the generator keeps for 200 (AssetOperations adds the JSON).
    private static async Task<Results<JsonRepresentationResult<AssetResponse>, JsonRepresentationResult<EntriesResponse>,
        JsonRepresentationResult<LinkResponse>, JsonRepresentationResult<SearchResponse>, RedirectHttpResult, AssetContentResult>> FetchAsync(
        string? rest, HttpRequest request, FetchAsset fetch, SearchAssets search, KoniferSettings settings, CancellationToken cancellationToken)
    {
        var route = AssetRoute.Parse(rest);
        if (SearchParameters.IsSearch(route.Selectors))
        {
            var found = await search.ExecuteAsync(SearchParameters.Parse(route.Path, request.Query), cancellationToken);
            return new JsonRepresentationResult<SearchResponse>(SearchResponse.From(found));
        }
        var selectors = FetchSelectors.Parse(route.Selectors);
        var parameters = QueryParameters.Parse(request.Query);
        var transformation = TransformationRequest.Parse(parameters.Transformation);
        var (accept, negotiable) = SignedFormatChoice.For(settings.UrlSigning, request.Headers.Accept.ToString());
        var outcome = await fetch.ExecuteAsync(new FetchRequest(route.Path, selectors.Format)
        {
            EntryId = selectors.EntryId,
            Order = selectors.Order,
            Labels = parameters.Labels,
            Limit = parameters.Limit,
            Transformation = transformation,
            Accept = accept,
            NegotiableFormats = negotiable,
        }, cancellationToken);

        var response = request.HttpContext.Response;
        // Every successful read of the path carries its Cache-Control, as in the reference (errors clear it).
        CacheHeaders.ApplyCacheControl(response, outcome.CacheControl);
        switch (outcome)
        {
            case FetchOutcome.Info info:
                return new JsonRepresentationResult<AssetResponse>(AssetResponse.From(info.Asset));
            case FetchOutcome.Entries list:
                return new JsonRepresentationResult<EntriesResponse>(EntriesResponse.From(list.Assets));
            case FetchOutcome.Delivery delivery:
                ServedHeaders(response, delivery.CacheStatus, delivery.Negotiated);
                var url = delivery.Direct?.Url ?? ServiceContentUrl(request, settings, delivery.Asset, delivery.ContentQuery);
                return delivery.AsRedirect
                    ? TypedResults.Redirect(url, permanent: false, preserveMethod: true)
                    : new JsonRepresentationResult<LinkResponse>(LinkResponse.From(url, delivery.Direct?.ExpiresAt, delivery.Asset, delivery.Variant));
            case FetchOutcome.Content content:
                ServedHeaders(response, content.CacheStatus, content.Negotiated);
                return new AssetContentResult(content.Asset, content.Variant, content.OpenAsync, content.AsDownload);
            default:
                throw new UnreachableException($"{outcome.GetType().Name} is not a kind of {nameof(FetchOutcome)}.");
        }
    }

    /// <summary>
    /// The entry's own content URL (<c>delivery.strategy = service</c>), pinned to the entry and to the variant's
    /// canonical query. When URL signing is on it carries a fresh signature, or following it would be refused: the
    /// signature covers the path the server receives, so only the part from <c>/assets</c> on is signed (a prefix of
    /// <c>http.public-url</c> is a proxy's, which it strips).
    /// </summary>
    private static string ServiceContentUrl(HttpRequest request, KoniferSettings settings, Asset asset, string contentQuery)
    {
        var relative = $"{EntryPath(asset)}/content{contentQuery}";
        if (UrlSigners.FromSettings(settings.UrlSigning) is { } signer) relative = signer.SignUrl(relative);
        return BaseUrl(request, settings) + relative;
    }

    /// <summary>How the variant was found and chosen: only the use case knows, so AssetContentResult cannot set these.</summary>
    private static void ServedHeaders(HttpResponse response, CacheStatus cacheStatus, bool negotiated)
    {
        response.Headers["K-Cache-Status"] = cacheStatus == CacheStatus.Hit ? "hit" : "miss";
        if (negotiated) response.Headers.Vary = "Accept";
    }

    private static async Task<Created<AssetResponse>> StoreAsync(string? rest, HttpRequest request, StoreAsset store, StoreAssetFromSource storeFromSource, KoniferSettings settings, CancellationToken cancellationToken)
    {
        var route = AssetRoute.Parse(rest);
        if (route.Selectors.Count > 0)
            throw new BadRequestException($"Selectors ('{route.SelectorText}') are not allowed when storing: POST to the path itself.");
        if (request.Query.Count > 0)
            throw new BadRequestException($"Query parameters ({string.Join(", ", request.Query.Keys)}) are not allowed when storing.");

        if (JsonBody.IsJson(request.ContentType))
        {
            var body = await JsonBody.ReadAsync<StoreAssetRequest>(request.Body, "store request", cancellationToken);
            var information = body.ToInformation();
            var stored = await storeFromSource.ExecuteAsync(route.Path, information, body.ResolveSource(), cancellationToken);
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
        var asset = await update.ExecuteAsync(new UpdateAssetCommand(route.Path, entryId, body.Alt, body.Labels, body.Tags, body.Url), cancellationToken);
        return TypedResults.Ok(AssetResponse.From(asset));
    }

    private static async Task<NoContent> DeleteAsync(string? rest, HttpRequest request, DeleteAssets delete, CancellationToken cancellationToken)
    {
        var route = AssetRoute.Parse(rest);
        var selectors = DeleteSelectors.Parse(route.Selectors);
        var parameters = QueryParameters.Parse(request.Query);
        if (parameters.Transformation.Count > 0)
            throw new BadRequestException($"Transformation parameters ({string.Join(", ", parameters.Transformation.Keys)}) are not allowed when deleting.");
        await delete.ExecuteAsync(new DeleteAssetsCommand(route.Path, selectors.EntryId, selectors.Order, parameters.Labels, parameters.Limit,
            selectors.Recursive), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The absolute URL of one entry (<c>…/assets/{path}/-/entry/{id}</c>): Location of a store.</summary>
    private static string EntryUrl(HttpRequest request, KoniferSettings settings, Asset asset) => BaseUrl(request, settings) + EntryPath(asset);

    private static string EntryPath(Asset asset) => $"/assets{asset.Path.Value}/-/entry/{asset.EntryId}";

    /// <summary><c>http.public-url</c> when configured, else the scheme and host the client used.</summary>
    private static string BaseUrl(HttpRequest request, KoniferSettings settings) =>
        settings.Http.PublicUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
