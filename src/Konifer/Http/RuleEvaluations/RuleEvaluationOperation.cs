using Konifer.Http.Uploads;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Konifer.Http.RuleEvaluations;

/// <summary>
/// What the route's metadata cannot say in the API document: the handler reads the body by hand (JSON with a source,
/// or a multipart upload), so both request shapes are described here.
/// </summary>
internal static class RuleEvaluationOperation
{
    public const string Description =
        "Opt-in (api.rule-evaluation.enabled). Scores up to 10 rule definitions against an image given by source (JSON) " +
        "or uploaded (multipart 'metadata' + 'asset'). Nothing is stored; the definitions need not be configured. " +
        "Runs the model: expensive, protect it. A definition that does not match is still 200 with matched=false.";

    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var request = await context.GetOrCreateSchemaAsync(typeof(RuleEvaluationRequest), null, cancellationToken);
        var upload = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { MultipartAssetReader.MetadataPart, MultipartAssetReader.AssetPart },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                [MultipartAssetReader.MetadataPart] = new OpenApiSchema { Description = "definitions; no source or url.", AllOf = [request] },
                [MultipartAssetReader.AssetPart] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The image bytes." },
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
                    Encoding = new Dictionary<string, OpenApiEncoding> { [MultipartAssetReader.MetadataPart] = new() { ContentType = "application/json" } },
                },
                ["application/json"] = new OpenApiMediaType { Schema = request },
            },
        };
        if (operation.Responses?.TryGetValue("415", out var unsupported) == true && unsupported is OpenApiResponse response)
            response.Description = "Neither application/json nor multipart/form-data; no body.";
    }
}
