using System.Text.Json;

namespace Konifer.LqipEncoders.Tests;

/// <summary>Reads lqip-fixtures.json, copied next to the test assembly (see reference/README.md for its origin).</summary>
public static class LqipFixtures
{
    private static readonly Lazy<IReadOnlyList<LqipFixture>> Loaded = new(Load);

    public static IReadOnlyList<LqipFixture> All => Loaded.Value;

    public static LqipFixture Named(string name) => All.Single(f => f.Name == name);

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var fixture in All) names.Add(fixture.Name);
        return names;
    }

    private static IReadOnlyList<LqipFixture> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "lqip-fixtures.json");
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<FixtureFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                   ?? throw new InvalidDataException($"{path} is empty");
        return file.Fixtures;
    }

    private sealed record FixtureFile(LqipFixture[] Fixtures);
}
