using Konifer.Configuration;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Configuration;

/// <summary>Which konifer.conf is read: $KONIFER_CONFIG, else ./konifer.conf, else the container path, else none.</summary>
public sealed class ConfigFileLocatorTests : IDisposable
{
    private readonly string _root = KoniferTestServer.CreateTempDirectory();
    private readonly string _current;
    private readonly string _container;
    private readonly string _explicit;

    public ConfigFileLocatorTests()
    {
        _current = Directory.CreateDirectory(Path.Combine(_root, "cwd")).FullName;
        _container = Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "app", "config")).FullName, "konifer.conf");
        _explicit = Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "etc")).FullName, "chosen.conf");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string? Locate(string? konifer_config) =>
        ConfigFileLocator.Locate(name => name == "KONIFER_CONFIG" ? konifer_config : null, _current, _container);

    private static void Write(string path) => File.WriteAllText(path, "data-store.provider = in-memory\n");

    [Fact]
    public void The_environment_variable_wins_over_both_files()
    {
        Write(_explicit);
        Write(Path.Combine(_current, "konifer.conf"));
        Write(_container);
        Assert.Equal(_explicit, Locate(_explicit));
    }

    [Fact]
    public void A_relative_environment_path_is_taken_from_the_current_directory()
    {
        Write(Path.Combine(_current, "mine.conf"));
        Assert.Equal(Path.Combine(_current, "mine.conf"), Locate("mine.conf"));
    }

    [Fact]
    public void Without_the_variable_the_current_directorys_file_wins_over_the_containers()
    {
        Write(Path.Combine(_current, "konifer.conf"));
        Write(_container);
        Assert.Equal(Path.Combine(_current, "konifer.conf"), Locate(null));
        Assert.Equal(Path.Combine(_current, "konifer.conf"), Locate("  "));
    }

    [Fact]
    public void Without_a_file_in_the_current_directory_the_containers_file_is_read()
    {
        Write(_container);
        Assert.Equal(_container, Locate(null));
    }

    [Fact]
    public void Without_any_file_the_defaults_apply()
    {
        Assert.Null(Locate(null));
    }

    [Fact]
    public void A_variable_naming_a_missing_file_is_an_error_even_when_other_files_exist()
    {
        Write(Path.Combine(_current, "konifer.conf"));
        var error = Assert.Throws<ConfigurationException>(() => Locate(Path.Combine(_root, "missing.conf")));
        Assert.Contains("KONIFER_CONFIG", error.Message);
        Assert.Contains("missing.conf", error.Message);
    }

    [Fact]
    public void The_container_path_is_the_documented_one()
    {
        Assert.Equal("/app/config/konifer.conf", ConfigFileLocator.ContainerPath);
    }
}
