using Konifer.Configuration;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Configuration;

/// <summary>A bad konifer.conf stops start-up with a message that names the key and the problem.</summary>
public class StartupConfigurationTests
{
    [Theory]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = floppy", "object-store.provider: 'floppy' is not one of")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = filesystem", "object-store.filesystem.mount-path: is required")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nsource.multipart.max-bytes = lots", "source.multipart.max-bytes: Invalid byte size: lots")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nhttp.public-url = \"ftp://x\"", "http.public-url:")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nvariant-generation.synchronous-priority = 100", "variant-generation.synchronous-priority: 100 is out of range")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nsource.url.allowed-domains = [\"https://x.com\"]", "source.url.allowed-domains: 'https://x.com' is not a host name")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nsource.url.read-timeout = never", "source.url.read-timeout: 'never' is not a duration")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nsource.max-pixels = 0", "source.max-pixels: Pixel count must be positive: 0")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nhttp.allowed-hosts = [\"https://img.example.com\"]", "http.allowed-hosts: 'https://img.example.com' is not a host name")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nhttp.allowed-hosts = [\"img.example.com:8080\"]", "http.allowed-hosts: 'img.example.com:8080'")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nurl-signing.negotiation = [webp, bmp]", "url-signing.negotiation: 'bmp' is not accept, pinned or a list of formats")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nsource.max-frames = 0", "source.max-frames: 0 is out of range")]
    [InlineData("data-store.provider = in-memory\nobject-store.provider = in-memory\nvariant-generation.timeout = 0s", "variant-generation.timeout: '0s' is not a duration")]
    public async Task Invalid_values_name_their_key(string config, string expected)
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => KoniferTestServer.StartAsync(config));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_syntax_error_names_the_file_line_and_column()
    {
        var error = await Assert.ThrowsAsync<Konifer.Hocon.HoconException>(() =>
            KoniferTestServer.StartAsync("data-store.provider = in-memory\nobject-store {\n  provider = in-memory\n"));
        Assert.Contains("konifer.conf:", error.Message);
        Assert.Contains("'}'", error.Message);
    }

    [Fact]
    public async Task Path_configuration_errors_stop_start_up()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => KoniferTestServer.StartAsync(
            "data-store.provider = in-memory\nobject-store.provider = in-memory\npaths { \"/users/**\" { allowed-content-types = [\"image/bmp\"] } }"));
        Assert.Contains("allowed-content-types", error.Message);
        Assert.Contains("image/bmp", error.Message);
    }

    [Fact]
    public async Task An_unreachable_postgresql_stops_start_up_naming_the_server()
    {
        var error = await Assert.ThrowsAsync<Konifer.Storage.Metadata.Postgres.PostgresStartupException>(() =>
            KoniferTestServer.StartAsync("object-store.provider = in-memory\ndata-store.postgresql { host = 127.0.0.1, port = 1, startup-timeout = 1s }"));
        Assert.Contains("127.0.0.1", error.Message);
        Assert.Contains("gave up after 1s", error.Message);
        Assert.Contains("1", error.Message);
    }

    [Fact]
    public async Task A_bad_profile_parameter_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => KoniferTestServer.StartAsync(
            "data-store.provider = in-memory\nobject-store.provider = in-memory\nvariant-profiles { thumb { w = 100, fit = squash } }"));
        Assert.Contains("variant-profiles.thumb.fit", error.Message);
        Assert.Contains("squash", error.Message);
    }

    [Fact]
    public async Task A_missing_explicit_config_file_is_an_error()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => KoniferTestServer.StartAsync("x = 1", new Dictionary<string, string> { ["KONIFER_CONFIG"] = "/nonexistent/konifer.conf" }));
        Assert.Contains("KONIFER_CONFIG", error.Message);
    }

    [Fact]
    public async Task In_memory_env_override_beats_the_file()
    {
        await using var server = await KoniferTestServer.StartAsync("data-store.provider = postgresql\nobject-store.provider = s3", new Dictionary<string, string> { ["IN_MEMORY"] = "true" });
        var asset = await server.Client.StoreAsync("/env/override", TestImages.Solid(4, 4, 1, 1, 1));
        Assert.Equal(0, asset.GetProperty("entryId").GetInt64());
    }
}
