using Konifer.Http.Responses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Konifer.Http;

/// <summary>
/// The probes, as the reference (SPEC-LATEST §1): <c>/health/live</c> always 200 and touches nothing;
/// <c>/health/ready</c> 200 when every readiness check (tagged <see cref="ReadinessTag"/>) is healthy, else 503. Both
/// answer GET and HEAD with an empty body and no caching. <c>/health</c> stays as a deprecated alias of liveness
/// with its old JSON body, for deployments written against v0.10. None is subject to URL signing (only
/// <c>/assets</c> is) or to host filtering (probes often address the instance by IP).
/// </summary>
public static class HealthApi
{
    public const string ReadinessTag = "konifer-readiness";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks(LivePath, Options(_ => false)).WithMetadata(new HttpMethodMetadata(Methods)).WithName("Liveness");
        routes.MapHealthChecks(ReadyPath, Options(r => r.Tags.Contains(ReadinessTag))).WithMetadata(new HttpMethodMetadata(Methods))
            .WithName("Readiness");
        // The probes have no handler for the API document to read: OpenApi/DocumentTransformer describes them.
        routes.MapMethods("/health", Methods, () => TypedResults.Ok(new HealthResponse("okay"))).WithName("Health").WithTags("Health")
            .WithSummary("Liveness (deprecated alias)").WithDescription("Always 200 with {\"status\":\"okay\"}; use /health/live.")
            .AddOpenApiOperationTransformer((operation, _, _) => { operation.Deprecated = true; return Task.CompletedTask; });
        return routes;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteEmptyAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    /// <summary>No body: the status says it all. A length of 0 also keeps the status-code pages from adding a problem body.</summary>
    private static Task WriteEmptyAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
