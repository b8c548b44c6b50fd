using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Konifer.Configuration.Reading;

/// <summary>
/// One object of the parsed <c>konifer.conf</c> with its full dotted key, and the one set of rules every value is
/// read by. A missing key or a null value is "not configured" and yields null; a wrong value throws a
/// <see cref="ConfigurationException"/> naming its full key.
/// </summary>
/// <remarks>
/// The rules: booleans are <c>true</c>/<c>yes</c>/<c>on</c> or <c>false</c>/<c>no</c>/<c>off</c> (also as
/// strings, any case); whole numbers are integers or their text; durations follow <see cref="DurationParser"/>,
/// sizes <see cref="ByteSize"/> and pixel counts <see cref="PixelCount"/>; choices compare case-insensitively. Every one of them takes the value as HOCON wrote
/// it, quoted or not, and an empty string is a wrong value like any other.
/// </remarks>
internal readonly record struct ConfigReader(JsonObject? Node, string Key, ConfigKeyUsage? Usage = null)
{
    /// <summary>The whole document; every key read through it is recorded in <see cref="Usage"/>.</summary>
    public static ConfigReader Root(JsonObject? document)
    {
        var usage = new ConfigKeyUsage();
        if (document is not null) usage.Open(document);
        return new(document, "", usage);
    }

    /// <summary>
    /// An object found inside this one by other means than <see cref="Section"/> (a path pattern's block, a list
    /// item), read with the same rules and recorded the same way. <paramref name="container"/> and
    /// <paramref name="name"/> say where it sits when that is an object keyed by free names.
    /// </summary>
    public ConfigReader Nested(JsonObject body, string key, JsonObject? container = null, string? name = null)
    {
        Usage?.Open(body);
        if (container is not null && name is not null)
        {
            Usage?.Open(container);
            Usage?.Ask(container, key, name);
        }
        return new ConfigReader(body, key, Usage);
    }

    /// <summary>The full key of <paramref name="name"/>; this object's own key when the name is empty.</summary>
    public string KeyOf(string name) => name.Length == 0 ? Key : Key.Length == 0 ? name : $"{Key}.{name}";

    public ConfigurationException Error(string name, string problem) => new(KeyOf(name), problem);

    /// <summary>This object is taken as a whole (ignored, with a warning that says so): its keys are not reported as unknown.</summary>
    public void TakeWhole()
    {
        if (Node is not null) Usage?.Close(Node);
    }

    /// <summary>Whether the key is written at all, even as null.</summary>
    public bool Mentions(string name)
    {
        Record(name);
        return Node is not null && Node.ContainsKey(name);
    }

    public JsonNode? Raw(string name)
    {
        Record(name);
        return Node is not null && Node.TryGetPropertyValue(name, out var value) ? value : null;
    }

    /// <summary>Even in a section the file does not have, so that its keys still count as known for suggestions.</summary>
    private void Record(string name) => Usage?.Ask(Node, KeyOf(name), name);

    /// <summary>A nested object; one that is not configured reads as empty.</summary>
    public ConfigReader Section(string name)
    {
        var raw = Raw(name);
        return raw switch
        {
            null => new ConfigReader(null, KeyOf(name), Usage),
            JsonObject obj => Nested(obj, KeyOf(name)),
            _ => throw Error(name, $"expected an object, found {ConfigText.Describe(raw)}"),
        };
    }

    /// <summary>A scalar as text (numbers and booleans too).</summary>
    public string? String(string name)
    {
        var raw = Raw(name);
        return raw is null ? null : ConfigText.Scalar(raw, KeyOf(name));
    }

    /// <summary>Free text where an empty string means the same as leaving the key out (a host, a password).</summary>
    public string? OptionalText(string name) => String(name) is { Length: > 0 } text ? text : null;

    public bool? Bool(string name)
    {
        if (Value(name) is not { } value) return null;
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
        throw Error(name, $"{ConfigText.Describe(value)} is not a boolean (true or false)");
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public long? Long(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        if (Value(name) is not { } value) return null;
        if (WholeNumber(value) is not { } number)
            throw Error(name, $"{ConfigText.Describe(value)} is not a whole number");
        if (number < min || number > max)
            throw Error(name, $"{number} is out of range ({min}..{max})");
        return number;
    }

    public int? Int(string name, int min, int max) => (int?)Long(name, min, max);

    /// <summary>A duration such as <c>30m</c> or <c>7d</c> (see <see cref="DurationParser"/>); zero included.</summary>
    public TimeSpan? Duration(string name)
    {
        var text = String(name);
        if (text is null) return null;
        return DurationParser.TryParse(text, out var duration)
            ? duration
            : throw Error(name, $"'{text}' is not a duration (for example 10s, 30m, 24h, 7d)");
    }

    /// <summary>A time limit on one operation: a duration above zero and at most a day.</summary>
    public TimeSpan? Timeout(string name)
    {
        var text = String(name);
        if (text is null) return null;
        return DurationParser.TryParse(text, out var value) && value > TimeSpan.Zero && value <= TimeSpan.FromDays(1)
            ? value
            : throw Error(name, $"'{text}' is not a duration above zero and at most a day, e.g. 500ms, 10s or 2m");
    }

    /// <summary>A byte size above zero: a number of bytes or a size like <c>20MB</c> or <c>20MiB</c> (see <see cref="ByteSize"/>).</summary>
    public long? Bytes(string name) => ByteSizeOf(name, percentOf: null);

    /// <summary>Bytes above zero as <see cref="Bytes"/> reads them, or a percentage of <paramref name="total"/> (a budget).</summary>
    public long? Size(string name, long total) => ByteSizeOf(name, total);

    /// <summary>A pixel count above zero: a number or a count like <c>12MP</c> (see <see cref="PixelCount"/>).</summary>
    public long? Pixels(string name)
    {
        var text = String(name);
        if (text is null) return null;
        return PixelCount.TryParse(text, out var pixels, out var error) ? pixels : throw Error(name, error);
    }

    private long? ByteSizeOf(string name, long? percentOf)
    {
        var text = String(name);
        if (text is null) return null;
        if (ByteSize.TryParse(text, percentOf, out var bytes, out var error)) return bytes;
        var forms = percentOf is null ? "bytes or a size like 20MB or 20MiB" : "bytes, a size like 2GB or 512MiB, or a percentage of the available memory like 50%";
        throw Error(name, $"{error} (use {forms})");
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
        throw Error(name, $"'{text}' is not one of {string.Join(", ", choices.Select(c => c.Text))}");
    }

    /// <summary>A list of scalars as text; null when not configured, empty when configured as <c>[]</c>.</summary>
    public IReadOnlyList<string>? StringList(string name)
    {
        var raw = Raw(name);
        if (raw is null) return null;
        if (raw is not JsonArray array)
            throw Error(name, $"expected a list, found {ConfigText.Describe(raw)}");
        var result = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var itemKey = $"{KeyOf(name)}[{i}]";
            var item = array[i] ?? throw new ConfigurationException(itemKey, "null is not allowed in this list");
            result.Add(ConfigText.Scalar(item, itemKey));
        }
        return result.AsReadOnly();
    }

    /// <summary>
    /// A list of scalars, where one value stands for a list of one (<c>negotiation = pinned</c>). Empty strings are
    /// left out, so an unset environment substitution adds nothing. Empty when not configured.
    /// </summary>
    public IReadOnlyList<string> OneOrMany(string name)
    {
        var items = Raw(name) is JsonArray ? StringList(name)! : String(name) is { } single ? [single] : [];
        return items.Where(item => item.Length > 0).ToArray();
    }

    /// <summary>A list of objects; null when not configured.</summary>
    public IReadOnlyList<ConfigReader>? SectionList(string name)
    {
        var raw = Raw(name);
        if (raw is null) return null;
        if (raw is not JsonArray array)
            throw Error(name, $"expected a list, found {ConfigText.Describe(raw)}");
        var result = new List<ConfigReader>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var itemKey = $"{KeyOf(name)}[{i}]";
            result.Add(array[i] is JsonObject obj
                ? Nested(obj, itemKey)
                : throw new ConfigurationException(itemKey, $"expected an object, found {ConfigText.Describe(array[i])}"));
        }
        return result;
    }

    /// <summary>
    /// Every entry of this object as text: scalars in their string form, lists of scalars joined by commas (the
    /// form a query parameter such as <c>strip=exif,xmp</c> takes). Nested objects are an error; nulls are left out.
    /// </summary>
    public IReadOnlyDictionary<string, string> ParameterMap()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Node is null) return result.AsReadOnly();
        foreach (var (name, value) in Node)
        {
            if (value is null)
            {
                Record(name);
                continue;
            }
            result[name] = ParameterText(name)!;
        }
        return result.AsReadOnly();
    }

    /// <summary>One entry as <see cref="ParameterMap"/> gives it.</summary>
    public string? ParameterText(string name) =>
        Raw(name) is JsonArray ? string.Join(',', StringList(name)!) : String(name);

    /// <summary>A single value; an object or a list where one belongs is an error like any wrong value.</summary>
    private JsonValue? Value(string name) => Raw(name) switch
    {
        null => null,
        JsonValue value => value,
        var other => throw Error(name, $"expected a single value, found {ConfigText.Describe(other)}"),
    };

    private static long? WholeNumber(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                if (value.TryGetValue<long>(out var l)) return l;
                // HOCON reads 1e6 or 1000.0 as a double; a whole one is still a whole number.
                if (value.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15) return (long)d;
                return null;
            case JsonValueKind.String:
                return long.TryParse(value.GetValue<string>().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : null;
            default:
                return null;
        }
    }
}
