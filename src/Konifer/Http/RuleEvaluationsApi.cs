using Konifer.Assets.Sources;
using Konifer.Configuration;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Http.Auth;
using Konifer.Http.OpenApi;
using Konifer.Http.RuleEvaluations;
using Konifer.Http.Uploads;
using Konifer.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Konifer.Http;

/// <summary>
/// <c>POST /rule-evaluations</c> (SPEC-LATEST §9.8): scores the request's own rule definitions against one image and
/// stores nothing. Opt-in (<c>api.rule-evaluation.enabled</c>): when off the route does not exist, so it is a 404 as
/// any unknown path.
/// </summary>
public static class RuleEvaluationsApi
{
    public const string Route = "/rule-evaluations";

    /// <summary>The evaluation's words for the multipart parts, the reference's (they differ from a store's).</summary>
    private static readonly MultipartShape<RuleEvaluationRequest> Parts = new(
        "metadata part",
        metadata => { if (metadata.NamesExternalSource) throw new BadRequestException(StoreAssetRequest.SourceWithUpload); },
        "No asset metadata supplied",
        "No asset payload supplied",
        FileMetadataIsMissing: true,
        MetadataCheckedFirst: true);

    /// <param name="auth">When enabled, an evaluation needs the write scope: it stores nothing, but it takes an upload or
    /// fetches a URL and runs the model, which costs as much as a store. It has no asset path, so any path pattern does.</param>
    public static IEndpointRouteBuilder MapRuleEvaluationsApi(this IEndpointRouteBuilder routes, bool enabled, AuthSettings? auth = null)
    {
        if (!enabled) return routes;
        routes.MapPost(Route, EvaluateAsync).WithName("EvaluateRules").WithTags("Rules")
            .WithSummary("Score rule definitions against an image, storing nothing").WithDescription(RuleEvaluationOperation.Description)
            .Produces(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblems(400, 403, 408, 413, 422, 502, 504).AddOpenApiOperationTransformer(RuleEvaluationOperation.DescribeAsync)
            .RequireScope(auth, AuthScope.Write);
        return routes;
    }

    private static async Task<Results<Ok<RuleEvaluationsResponse>, StatusCodeHttpResult>> EvaluateAsync(HttpRequest request,
        EvaluateRules evaluate, ExternalSourceDownload download, IImageInspector inspector, KoniferSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<RuleDefinitionRequest>? definitions;
        TemporaryFile image;
        if (JsonBody.IsJson(request.ContentType))
        {
            var body = await JsonBody.ReadAsync<RuleEvaluationRequest>(request.Body, "rule evaluation request", cancellationToken);
            definitions = body.ToRequests();
            // Cheap refusals before anything is fetched.
            EvaluateRules.Validate(definitions);
            image = await download.DownloadAsync(body.ResolveSource(), cancellationToken);
        }
        else if (MultipartAssetReader.IsMultipart(request.ContentType))
        {
            (var metadata, image) = await MultipartAssetReader.ReadAsync(request, settings.Source.MultipartMaxBytes, Parts, cancellationToken);
            definitions = metadata.ToRequests();
        }
        else
        {
            // The reference answers a bare 415; a length of 0 keeps the status-code pages from adding a problem body.
            request.HttpContext.Response.ContentLength = 0;
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        await using (image)
        {
            // As an upload: an unsupported format or an image over source.* limits is refused before the model runs.
            await inspector.InspectAsync(image.FilePath, cancellationToken);
            var evaluations = await evaluate.ExecuteAsync(definitions, image.FilePath, cancellationToken);
            return TypedResults.Ok(RuleEvaluationsResponse.From(evaluations));
        }
    }
}
