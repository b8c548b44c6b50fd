using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Konifer.Http.OpenApi;

/// <summary>
/// Makes the generated schemas say what our JSON does (<see cref="KoniferJson"/>): a null property is left out, so a
/// nullable one is optional rather than required; and numbers are written as numbers (the web defaults also read them
/// from strings, which the generator would otherwise announce as "integer or string" on every response).
/// </summary>
internal static class SchemaTransformer
{
    private const JsonSchemaType NumberOrString = JsonSchemaType.Integer | JsonSchemaType.Number;

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & NumberOrString) != 0 && type.HasFlag(JsonSchemaType.String) && schema.Pattern is not null)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
        {
            foreach (var (name, property) in properties)
                if (IsNullable(property)) required.Remove(name);
        }
        return Task.CompletedTask;
    }

    private static bool IsNullable(IOpenApiSchema property) =>
        property.Type?.HasFlag(JsonSchemaType.Null) == true || property.OneOf?.Any(IsNullable) == true;
}
