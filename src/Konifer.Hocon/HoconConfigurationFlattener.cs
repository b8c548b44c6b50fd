using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Konifer.Hocon;

/// <summary>Flattens a JSON tree into configuration key/value pairs.</summary>
internal static class HoconConfigurationFlattener
{
    public static Dictionary<string, string?> Flatten(JsonObject root)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Visit(root, prefix: null, data);
        return data;
    }

    private static void Visit(JsonNode? node, string? prefix, Dictionary<string, string?> data)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.Count == 0 && prefix is not null) data[prefix] = null;
                foreach (var (key, child) in obj) Visit(child, Combine(prefix, key), data);
                break;
            case JsonArray array:
                if (array.Count == 0 && prefix is not null) data[prefix] = null;
                for (var i = 0; i < array.Count; i++) Visit(array[i], Combine(prefix, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), data);
                break;
            case null:
                if (prefix is not null) data[prefix] = null;
                break;
            case JsonValue value:
                if (prefix is not null) data[prefix] = ToText(value);
                break;
        }
    }

    private static string Combine(string? prefix, string key) => prefix is null ? key : ConfigurationPath.Combine(prefix, key);

    private static string? ToText(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => null,
        // Numbers serialise with invariant culture and round-trip precision.
        _ => value.ToJsonString(),
    };
}
