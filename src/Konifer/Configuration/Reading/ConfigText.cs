using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Konifer.Configuration.Reading;

/// <summary>How configuration values and keys are written in messages, and a scalar's text.</summary>
internal static class ConfigText
{
    /// <summary>The string form of a scalar: strings as they are, numbers invariant, booleans lower case.</summary>
    /// <exception cref="ConfigurationException">The node is an object or a list.</exception>
    public static string Scalar(JsonNode node, string key)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String: return value.GetValue<string>();
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                case JsonValueKind.Number:
                    if (value.TryGetValue<long>(out var l)) return l.ToString(CultureInfo.InvariantCulture);
                    if (value.TryGetValue<double>(out var d)) return d.ToString("R", CultureInfo.InvariantCulture);
                    if (value.TryGetValue<decimal>(out var m)) return m.ToString(CultureInfo.InvariantCulture);
                    break;
            }
        }
        throw new ConfigurationException(key, $"expected a single value, found {Describe(node)}");
    }

    /// <summary>A value as a message shows it: strings quoted, objects and lists by kind, the rest as written.</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"'{v.GetValue<string>()}'",
        _ => node.ToJsonString(),
    };

    /// <summary>A key segment in HOCON form: quoted when it holds characters other than letters, digits, '-' and '_'.</summary>
    public static string QuoteKey(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? key
            : "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
