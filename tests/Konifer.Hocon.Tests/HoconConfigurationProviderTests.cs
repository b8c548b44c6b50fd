using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Konifer.Hocon.Tests;

public sealed class HoconConfigurationProviderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("konifer-hocon-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteConfig(string text, string name = "konifer.conf")
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Builds_configuration_from_a_hocon_file()
    {
        var path = WriteConfig(KoniferConfigSample.Text);

        var configuration = new ConfigurationBuilder().AddHoconFile(path, optional: false).Build();

        Assert.Equal("image/png", configuration["paths:/users/*/avatar:allowed-content-types:0"]);
        Assert.Equal("image/jpeg", configuration["paths:/users/*/avatar:allowed-content-types:1"]);
        Assert.Equal("7d", configuration["paths:/users/*/avatar:transform:expire:ttl"]);
        Assert.Equal("blurhash", configuration["paths:/**:image:lqip:0"]);
        Assert.Equal("in-memory", configuration["data-store:provider"]);
        Assert.Equal("/var/konifer", configuration["object-store:filesystem:mount-path"]);
        Assert.Equal("https://img.example.com", configuration["http:public-url"]);
        Assert.Equal("1048576", configuration["source:multipart:max-bytes"]);
        Assert.Equal("thumb", configuration["variant-profiles:0:name"]);
        Assert.Equal("100", configuration["variant-profiles:0:w"]);
        Assert.Equal("false", configuration["url-signing:enabled"]);
        Assert.Equal(["/**", "/users/*/avatar"], configuration.GetSection("paths").GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(1048576L, configuration.GetValue<long>("source:multipart:max-bytes"));
        Assert.False(configuration.GetValue<bool>("url-signing:enabled"));
    }

    [Fact]
    public void Values_are_formatted_invariantly_and_null_stays_null()
    {
        var path = WriteConfig("d = 1.5\nbig = 1e21\nt = true\nn = null\nempty = []\nnone {}\nkeys { A = 1 }");

        var data = new ConfigurationBuilder().AddHoconFile(path, optional: false).Build();

        Assert.Equal("1.5", data["d"]);
        Assert.Equal("1E+21", data["big"]);
        Assert.Equal("true", data["t"]);
        Assert.Null(data["n"]);
        Assert.Contains(data.AsEnumerable(), p => p.Key == "n" && p.Value is null);
        Assert.Contains(data.AsEnumerable(), p => p.Key == "empty" && p.Value is null);
        Assert.Contains(data.AsEnumerable(), p => p.Key == "none" && p.Value is null);
        Assert.Equal("1", data["KEYS:a"]);
    }

    [Fact]
    public void Relative_path_is_resolved_against_the_base_path()
    {
        WriteConfig("a = 1");

        var configuration = new ConfigurationBuilder().SetBasePath(_directory).AddHoconFile("konifer.conf", optional: false).Build();

        Assert.Equal("1", configuration["a"]);
    }

    [Fact]
    public void Missing_optional_file_adds_nothing()
    {
        var configuration = new ConfigurationBuilder().AddHoconFile(Path.Combine(_directory, "missing.conf"), optional: true).Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    [Fact]
    public void Missing_required_file_fails_with_its_name()
    {
        var builder = new ConfigurationBuilder().AddHoconFile(Path.Combine(_directory, "missing.conf"), optional: false);

        var e = Assert.Throws<FileNotFoundException>(() => builder.Build());
        Assert.Contains("missing.conf", e.Message);
    }

    [Fact]
    public void Invalid_file_fails_with_file_line_and_column()
    {
        var path = WriteConfig("a {\n  b = \"oops\n}");
        var builder = new ConfigurationBuilder().AddHoconFile(path, optional: false);

        var e = Assert.Throws<HoconException>(() => builder.Build());
        Assert.StartsWith($"{path}:2:7: unterminated quoted string", e.Message);
    }

    [Fact]
    public void Pre_parsed_document_is_used_and_wins_over_path()
    {
        var document = HoconParser.Parse("a.b = [x, y]\nc = 2", Hocon.Settings());
        var source = new HoconConfigurationSource { Document = document, Path = Path.Combine(_directory, "missing.conf") };

        var configuration = new ConfigurationBuilder().Add(source).Build();

        Assert.Equal("x", configuration["a:b:0"]);
        Assert.Equal("y", configuration["a:b:1"]);
        Assert.Equal("2", configuration["c"]);
    }

    [Fact]
    public void AddHoconDocument_accepts_any_json_object()
    {
        var document = JsonNode.Parse("""{"a":{"n":3.25,"list":[true,null]}}""")!.AsObject();

        var configuration = new ConfigurationBuilder().AddHoconDocument(document).Build();

        Assert.Equal("3.25", configuration["a:n"]);
        Assert.Equal("true", configuration["a:list:0"]);
        Assert.Null(configuration["a:list:1"]);
    }

    [Fact]
    public void Later_sources_override_earlier_hocon()
    {
        var path = WriteConfig("url-signing.enabled = false");

        var configuration = new ConfigurationBuilder()
            .AddHoconFile(path, optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["url-signing:enabled"] = "true" })
            .Build();

        Assert.True(configuration.GetValue<bool>("url-signing:enabled"));
    }
}
