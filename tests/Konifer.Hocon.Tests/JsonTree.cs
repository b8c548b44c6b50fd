using System.Text.Json;
using System.Text.Json.Nodes;

namespace Konifer.Hocon.Tests;

/// <summary>Compares JSON trees by meaning: numbers by value, objects by keys, lists in order.</summary>
internal static class JsonTree
{
    /// <returns>Null when equal, otherwise where and how they differ.</returns>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{path}: expected null, got {actual.ToJsonString()}";
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject) return $"{path}: expected an object, got {Show(actual)}";
                var missing = expectedObject.Select(p => p.Key).Except(actualObject.Select(p => p.Key)).ToList();
                var extra = actualObject.Select(p => p.Key).Except(expectedObject.Select(p => p.Key)).ToList();
                if (missing.Count > 0 || extra.Count > 0)
                {
                    return $"{path}: missing keys [{string.Join(", ", missing)}], unexpected keys [{string.Join(", ", extra)}]";
                }
                return expectedObject.Select(p => Difference(p.Value, actualObject[p.Key], $"{path}.{p.Key}")).FirstOrDefault(d => d is not null);
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray) return $"{path}: expected a list, got {Show(actual)}";
                if (expectedArray.Count != actualArray.Count) return $"{path}: expected {expectedArray.Count} elements, got {actualArray.Count}";
                return expectedArray.Select((e, i) => Difference(e, actualArray[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            default:
                var expectedValue = (JsonValue)expected;
                if (actual is not JsonValue actualValue) return $"{path}: expected {expected.ToJsonString()}, got {Show(actual)}";
                var kind = expectedValue.GetValueKind();
                if (kind != actualValue.GetValueKind()) return $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}";
                if (kind == JsonValueKind.Number)
                {
                    return Number(expectedValue) == Number(actualValue) ? null : $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}";
                }
                return expected.ToJsonString() == actual.ToJsonString() ? null : $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}";
        }
    }

    private static decimal Number(JsonValue value) =>
        decimal.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
