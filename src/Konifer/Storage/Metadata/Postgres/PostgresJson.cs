using System.Text.Json;
using System.Text.Json.Serialization;
using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>The jsonb shapes of the store: labels as a flat object, attributes and LQIPs in camelCase with enum names.</summary>
internal static class PostgresJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Labels(IReadOnlyDictionary<string, string> labels) => JsonSerializer.Serialize(labels, Options);

    public static Dictionary<string, string> ReadLabels(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? [];

    public static string Attributes(ImageAttributes attributes) => JsonSerializer.Serialize(attributes, Options);

    public static ImageAttributes ReadAttributes(string json) =>
        JsonSerializer.Deserialize<ImageAttributes>(json, Options) ?? throw new InvalidDataException("A variant has no attributes.");

    public static string Lqip(Lqip lqip) => JsonSerializer.Serialize(lqip, Options);

    public static Lqip ReadLqip(string json) => JsonSerializer.Deserialize<Lqip>(json, Options) ?? Core.Images.Lqip.None;

    public static string Transformation(Transformation transformation) => JsonSerializer.Serialize(transformation, Options);

    public static Transformation ReadTransformation(string json) =>
        JsonSerializer.Deserialize<Transformation>(json, Options) ?? throw new InvalidDataException("A variant has an empty transformation.");
}
