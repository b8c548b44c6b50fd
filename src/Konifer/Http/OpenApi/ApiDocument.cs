using Konifer.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Konifer.Http.OpenApi;

/// <summary>
/// The OpenAPI document of the HTTP API, generated from the endpoints' metadata at <see cref="DocumentPath"/>, and an
/// interactive page reading it at <see cref="PagePath"/>. Both are on unless <c>http.openapi.enabled = false</c>; they
/// lie outside <c>/assets</c>, so URL signing never applies to them (docs/api.md).
/// </summary>
public static class ApiDocument
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/scalar";

    public static IServiceCollection AddKoniferApiDocument(this IServiceCollection services, HttpSettings http)
    {
        if (!http.OpenApiEnabled) return services;
        return services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer(DocumentTransformer.TransformAsync);
            options.AddSchemaTransformer(SchemaTransformer.TransformAsync);
        });
    }

    public static IEndpointRouteBuilder MapKoniferApiDocument(this IEndpointRouteBuilder routes, HttpSettings http)
    {
        if (!http.OpenApiEnabled) return routes;
        routes.MapOpenApi("/openapi/{documentName}.json");
        routes.MapScalarApiReference(PagePath, page => page.WithTitle("Konifer API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return routes;
    }
}
