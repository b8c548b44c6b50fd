using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Konifer.Http;

/// <summary>One set of JSON options for every request and response body.</summary>
public static class KoniferJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create() => Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// Applies our conventions to ASP.NET's own options too, so TypedResults write the same JSON. As the reference
    /// (SPEC-LATEST §3.2): a null property is left out (<c>alt</c>, <c>sourceUrl</c>, an original's
    /// <c>transformation</c>, unknown <c>loop</c>, placeholders not computed), while empty collections are written.
    /// Text is written as itself (<c>é</c>, <c>&amp;</c>, <c>'</c>, <c>&lt;</c>), not as <c>\u00E9</c>: the relaxed
    /// encoder is safe here because every body is served as <c>application/json</c> (or problem+json) with
    /// <c>X-Content-Type-Options: nosniff</c>, never embedded in HTML or script by us; quotes, backslashes and control
    /// characters are still escaped, so the JSON stays valid.
    /// </summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
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
