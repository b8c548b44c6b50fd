using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Konifer.Http.OpenApi;

/// <summary>
/// What no endpoint's metadata says: the document's title and version, and the two probes, which are health-check
/// endpoints (no handler method for the generator to read).
/// </summary>
internal static class DocumentTransformer
{
    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Konifer";
        document.Info.Version = typeof(DocumentTransformer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        document.Info.Description = "Self-hosted image service: store images under paths, read them as JSON, links or bytes, " +
            "transformed on demand. Store, update and delete are unauthenticated: keep them behind a gateway.";
        document.Paths ??= [];
        document.Paths[HealthApi.LivePath] = Probe("Liveness probe", "Always 200 while the process serves requests; touches no store.", ready: false);
        document.Paths[HealthApi.ReadyPath] = Probe("Readiness probe",
            "200 when the metadata and object stores answer, else 503. Empty body, no caching.", ready: true);
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Probe(string summary, string description, bool ready)
    {
        var item = new OpenApiPathItem();
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            var responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "Live" + (ready ? " and ready" : "") } };
            if (ready) responses["503"] = new OpenApiResponse { Description = "Not ready: a store is unreachable, or the server is starting or stopping" };
            item.AddOperation(method, new OpenApiOperation
            {
                OperationId = (ready ? "Readiness" : "Liveness") + (method == HttpMethod.Head ? "Head" : ""),
                Summary = summary,
                Description = description,
                Tags = new HashSet<OpenApiTagReference> { new("Health") },
                Responses = responses,
            });
        }
        return item;
    }
}
