using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Konifer.Configuration;

/// <summary>
/// A configuration object together with its full key, with typed getters that throw a
/// <see cref="ConfigurationException"/> naming the full key of a wrong value. A missing key or a null value is
/// "not configured" and yields null.
/// </summary>
internal readonly record struct ConfigSection(JsonObject? Node, string Key)
{
    public string KeyOf(string name) => Key.Length == 0 ? name : $"{Key}.{name}";

    public bool Has(string name) => Node is not null && Node.TryGetPropertyValue(name, out var v) && v is not null;

    public JsonNode? Raw(string name) =>
        Node is not null && Node.TryGetPropertyValue(name, out var value) ? value : null;

    public ConfigSection Section(string name)
    {
        var raw = Raw(name);
        return raw switch
        {
            null => new ConfigSection(null, KeyOf(name)),
            JsonObject obj => new ConfigSection(obj, KeyOf(name)),
            _ => throw new ConfigurationException(KeyOf(name), $"expected an object, found {Describe(raw)}"),
        };
    }

    public string? String(string name)
    {
        var raw = Raw(name);
        return raw is null ? null : ScalarText(raw, KeyOf(name));
    }

    public bool? Bool(string name)
    {
        var raw = Raw(name);
        if (raw is null) return null;
        if (raw is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.String:
                    switch (value.GetValue<string>().Trim().ToLowerInvariant())
                    {
                        case "true" or "yes" or "on": return true;
                        case "false" or "no" or "off": return false;
                    }
                    break;
            }
        }
        throw new ConfigurationException(KeyOf(name), $"{Describe(raw)} is not a boolean (true or false)");
    }

    public long? Long(string name)
    {
        var raw = Raw(name);
        if (raw is null) return null;
        if (raw is JsonValue value)
        {
            var kind = value.GetValueKind();
            if (kind == JsonValueKind.Number)
            {
                if (value.TryGetValue<long>(out var l)) return l;
                if (value.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15) return (long)d;
            }
            else if (kind == JsonValueKind.String &&
                     long.TryParse(value.GetValue<string>().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }
        throw new ConfigurationException(KeyOf(name), $"{Describe(raw)} is not an integer");
    }

    /// <summary>A duration such as <c>30m</c> or <c>7d</c> (see <see cref="DurationParser"/>).</summary>
    public TimeSpan? Duration(string name)
    {
        var text = String(name);
        if (text is null) return null;
        if (!DurationParser.TryParse(text, out var duration))
            throw new ConfigurationException(KeyOf(name), $"'{text}' is not a duration (for example 10s, 30m, 24h, 7d)");
        return duration;
    }

    /// <summary>One of <paramref name="choices"/>, compared case-insensitively.</summary>
    public T? Choice<T>(string name, IReadOnlyList<(string Text, T Value)> choices) where T : struct
    {
        var text = String(name);
        if (text is null) return null;
        var trimmed = text.Trim();
        foreach (var (choiceText, choiceValue) in choices)
            if (string.Equals(choiceText, trimmed, StringComparison.OrdinalIgnoreCase))
                return choiceValue;
        throw new ConfigurationException(KeyOf(name),
            $"'{text}' is not one of {string.Join(", ", choices.Select(c => c.Text))}");
    }

    /// <summary>A list of scalars as text; null when not configured, empty when configured as <c>[]</c>.</summary>
    public IReadOnlyList<string>? StringList(string name)
    {
        var raw = Raw(name);
        if (raw is null) return null;
        if (raw is not JsonArray array)
            throw new ConfigurationException(KeyOf(name), $"expected a list, found {Describe(raw)}");
        var result = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i] ?? throw new ConfigurationException($"{KeyOf(name)}[{i}]", "null is not allowed in this list");
            result.Add(ScalarText(item, $"{KeyOf(name)}[{i}]"));
        }
        return result.AsReadOnly();
    }

    /// <summary>A list of objects; null when not configured.</summary>
    public IReadOnlyList<ConfigSection>? SectionList(string name)
    {
        var raw = Raw(name);
        if (raw is null) return null;
        if (raw is not JsonArray array)
            throw new ConfigurationException(KeyOf(name), $"expected a list, found {Describe(raw)}");
        var result = new List<ConfigSection>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var itemKey = $"{KeyOf(name)}[{i}]";
            result.Add(array[i] is JsonObject obj
                ? new ConfigSection(obj, itemKey)
                : throw new ConfigurationException(itemKey, $"expected an object, found {Describe(array[i])}"));
        }
        return result;
    }

    /// <summary>
    /// Every entry of this object as text: scalars in their string form, lists of scalars joined by commas (the
    /// form a query parameter such as <c>strip=exif,xmp</c> takes). Nested objects are an error.
    /// </summary>
    public IReadOnlyDictionary<string, string> ParameterMap()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Node is null) return result.AsReadOnly();
        foreach (var (name, value) in Node)
        {
            if (value is null) continue;
            var key = KeyOf(name);
            result[name] = value is JsonArray array
                ? string.Join(',', array.Select((item, i) => item is null
                    ? throw new ConfigurationException($"{key}[{i}]", "null is not allowed in this list")
                    : ScalarText(item, $"{key}[{i}]")))
                : ScalarText(value, key);
        }
        return result.AsReadOnly();
    }

    /// <summary>The string form of a scalar: strings as they are, numbers invariant, booleans lower case.</summary>
    public static string ScalarText(JsonNode node, string key)
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
