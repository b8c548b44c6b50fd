using System.Text.Json.Nodes;

namespace Konifer.Hocon.Tests;

/// <summary>Test helpers: parse with a fake environment so tests never see the real one.</summary>
internal static class Hocon
{
    public static JsonObject Parse(string text, IReadOnlyDictionary<string, string>? environment = null, string? baseDirectory = null) =>
        HoconParser.Parse(text, Settings(environment, baseDirectory));

    public static HoconParseSettings Settings(IReadOnlyDictionary<string, string>? environment = null, string? baseDirectory = null) => new()
    {
        Environment = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
        BaseDirectory = baseDirectory,
    };

    /// <summary>Parses and compares with the expected JSON (numbers by value, object keys in any order).</summary>
    public static void AssertParsesTo(string expectedJson, string hocon, IReadOnlyDictionary<string, string>? environment = null)
    {
        var actual = Parse(hocon, environment);
        var difference = JsonTree.Difference(JsonNode.Parse(expectedJson), actual);
        Assert.True(difference is null, $"{difference}{Environment.NewLine}actual: {actual.ToJsonString()}");
    }

    public static HoconException AssertError(string hocon, int line, int column, string messagePart, IReadOnlyDictionary<string, string>? environment = null)
    {
        var e = Assert.Throws<HoconException>(() => Parse(hocon, environment));
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(messagePart, e.Message);
        return e;
    }
}
