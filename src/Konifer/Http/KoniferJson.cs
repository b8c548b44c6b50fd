using System.Text.Json;
using System.Text.Json.Serialization;

namespace Konifer.Http;

/// <summary>One set of JSON options for every request and response body.</summary>
public static class KoniferJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create() => Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies our conventions to ASP.NET's own options too, so TypedResults write the same JSON.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        return options;
    }

    /// <summary>Times are written in UTC with a trailing Z and millisecond precision.</summary>
    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}
