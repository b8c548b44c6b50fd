using Konifer.Http.Responses;
using Konifer.Http.Uploads;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Konifer.Http.OpenApi;

/// <summary>
/// What the asset routes' metadata cannot say, added to their operations in the API document: the catch-all path
/// parameter, the query parameters the handlers read by hand, the three JSON shapes of a read, the multipart upload
/// and the Location of a store.
/// </summary>
internal static class AssetOperations
{
    public static async Task FetchAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        DescribeRest(operation);
        AddParameters(operation, [.. QueryParameterDocs.Transformation(), QueryParameterDocs.Limit(), QueryParameterDocs.Signature(), QueryParameterDocs.Expiry(), QueryParameterDocs.Labels(), .. QueryParameterDocs.Search()]);
        // Four results share 200: the content's image types win in the generator, so the JSON shapes are added here.
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content["application/json"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Description = "link (the default), info, entries or search, as the selectors ask.",
                    OneOf =
                    [
                        await context.GetOrCreateSchemaAsync(typeof(LinkResponse), null, cancellationToken),
                        await context.GetOrCreateSchemaAsync(typeof(AssetResponse), null, cancellationToken),
                        await context.GetOrCreateSchemaAsync(typeof(EntriesResponse), null, cancellationToken),
                        await context.GetOrCreateSchemaAsync(typeof(SearchResponse), null, cancellationToken),
                    ],
                },
            };
        }
        Describe(operation, "200", "link, info, entries or search JSON (with a weak ETag), or the image bytes for content and download.");
        Describe(operation, "304", "Not modified: the If-None-Match or If-Modified-Since validator still matches.");
        Describe(operation, "307", "redirect: Location is the variant's URL (the service's content URL or a presigned object-store URL).");
    }

    public static async Task StoreAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        DescribeRest(operation);
        var metadata = await context.GetOrCreateSchemaAsync(typeof(StoreAssetRequest), null, cancellationToken);
        var upload = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "asset" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["metadata"] = new OpenApiSchema { Description = "alt, labels and tags; no source.", AllOf = [metadata] },
                ["asset"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The image bytes; the format is read from them." },
            },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = upload,
                    Encoding = new Dictionary<string, OpenApiEncoding> { ["metadata"] = new() { ContentType = "application/json" } },
                },
                ["application/json"] = new OpenApiMediaType
                {
                    Schema = await context.GetOrCreateSchemaAsync(typeof(StoreAssetRequest), null, cancellationToken),
                },
            },
        };
        if (operation.Responses?.TryGetValue("201", out var created) == true && created is OpenApiResponse response)
        {
            response.Description = "Stored: the asset JSON; Location is the new entry's URL.";
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Location"] = new OpenApiHeader { Description = "…/assets/{path}/-/entry/{id}", Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" } };
        }
    }

    /// <summary>The body is described here, not with Accepts: that metadata makes routing answer a wrong type with a bare 415.</summary>
    public static async Task UpdateAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        DescribeRest(operation);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(AssetInformationRequest), null, cancellationToken) },
            },
        };
        Describe(operation, "200", "The updated asset JSON.");
    }

    public static Task DeleteAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        DescribeRest(operation);
        AddParameters(operation, [QueryParameterDocs.Limit(), QueryParameterDocs.Labels()]);
        Describe(operation, "204", "Deleted, or nothing matched (DELETE is idempotent).");
        return Task.CompletedTask;
    }

    private static void DescribeRest(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters ?? [])
            if (parameter is OpenApiParameter { Name: "rest" } rest)
            {
                rest.Description = OperationTexts.Rest;
                rest.AllowReserved = true;
            }
    }

    private static void AddParameters(OpenApiOperation operation, IEnumerable<OpenApiParameter> parameters)
    {
        operation.Parameters ??= [];
        foreach (var parameter in parameters) operation.Parameters.Add(parameter);
    }

    private static void Describe(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true && response is OpenApiResponse known)
            known.Description = description;
    }
}
