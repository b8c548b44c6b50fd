using System.Text.Json.Nodes;
using Konifer.Configuration;
using Konifer.Hocon;
using Konifer.Configuration.Reading;
using Konifer.Core.Assets;
using Konifer.Paths;

namespace Konifer.Tests.Configuration;

/// <summary>One pass over the parsed file gives the global settings, the profiles and the path rules together.</summary>
public sealed class KoniferConfigurationReaderTests
{
    private const string Stores = "data-store.provider = in-memory\nobject-store.provider = in-memory\n";

    private static KoniferConfiguration Read(string hocon, string? frameworkAllowedHosts = null) =>
        KoniferConfigurationReader.Read(HoconParser.Parse(hocon), frameworkAllowedHosts);

    [Fact]
    public void Settings_profiles_and_paths_come_from_the_same_document()
    {
        var configuration = Read(Stores + """
            source.url.read-timeout = 5s
            variant-profiles { thumb { w = 100 } }
            paths { "/users/**" { transform.eager-variants = [THUMB], cache-control { enabled = yes, max-age = 1h } } }
            """);

        Assert.Equal(TimeSpan.FromSeconds(5), configuration.Settings.Source.UrlReadTimeout);
        Assert.True(configuration.Profiles.Contains("thumb"));
        var users = configuration.Paths.Resolve(AssetPath.Parse("/users/1"));
        Assert.Equal(["THUMB"], users.EagerVariants);
        Assert.Equal("max-age=3600", users.CacheControl.ToHeaderValue());
        Assert.Same(PathConfiguration.Default, configuration.Paths.Resolve(AssetPath.Parse("/blog")));
    }

    [Fact]
    public void Global_keys_follow_the_same_value_rules_as_path_keys()
    {
        var configuration = Read(Stores + "object-store.s3.force-path-style = \" Yes \"\nsource.max-pixels = \"1000\"");
        Assert.True(configuration.Settings.ObjectStore.S3.ForcePathStyle);
        Assert.Equal(1000, configuration.Settings.Source.MaxPixels);
    }

    [Theory]
    [InlineData("data-store = 5", "data-store", "expected an object")]
    [InlineData("object-store.s3.force-path-style = maybe", "object-store.s3.force-path-style", "not a boolean")]
    [InlineData("variant-generation.workers = [2]", "variant-generation.workers", "expected a single value")]
    [InlineData("source.url.max-bytes = \"\"", "source.url.max-bytes", "Invalid byte size")]
    [InlineData("paths { \"/a\" { cache-control.enabled = sometimes } }", "paths.\"/a\".cache-control.enabled", "not a boolean")]
    public void A_wrong_value_names_its_key(string line, string key, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(Stores + line));
        Assert.Equal(key, error.Key);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Empty_text_leaves_an_optional_setting_unset()
    {
        var configuration = Read(Stores + "http.public-url = \"\"\ndata-store.postgresql.host = \"\"");
        Assert.Null(configuration.Settings.Http.PublicUrl);
        Assert.Equal("localhost", configuration.Settings.DataStore.PostgreSql.Host);
    }

    [Fact]
    public void The_frameworks_allowed_hosts_join_http_allowed_hosts()
    {
        var fromFramework = Read(Stores + "http.allowed-hosts = a.example.com", frameworkAllowedHosts: "b.example.com;*.c.example.com");
        Assert.Equal(["a.example.com", "b.example.com", "*.c.example.com"], fromFramework.Settings.Http.AllowedHosts);

        var fromDocument = Read(Stores + "AllowedHosts = \"d.example.com\"");
        Assert.Equal(["d.example.com"], fromDocument.Settings.Http.AllowedHosts);
    }

    [Fact]
    public void Environment_overrides_beat_the_file_before_it_is_read()
    {
        var document = HoconParser.Parse("data-store.postgresql.user = file_user\nobject-store = broken");
        var environment = new Dictionary<string, string> { ["IN_MEMORY"] = "true", ["PG_USER"] = "env_user", ["URL_SIGNING_SECRET_KEY"] = "k" };

        var overridden = EnvironmentOverrides.Apply(document, name => environment.GetValueOrDefault(name));
        var settings = KoniferConfigurationReader.Read(overridden).Settings;

        Assert.Equal(DataStoreProvider.InMemory, settings.DataStore.Provider);
        Assert.Equal(ObjectStoreProvider.InMemory, settings.ObjectStore.Provider);
        Assert.Equal("env_user", settings.DataStore.PostgreSql.User);
        Assert.Equal("k", settings.UrlSigning.SecretKey);
        Assert.Equal("broken", document["object-store"]!.GetValue<string>()); // the parsed file itself is left alone
    }

    [Fact]
    public void Without_overrides_the_document_is_read_as_written()
    {
        var document = new JsonObject { ["object-store"] = new JsonObject { ["provider"] = "in-memory" }, ["data-store"] = new JsonObject { ["provider"] = "in-memory" } };
        Assert.True(JsonNode.DeepEquals(document, EnvironmentOverrides.Apply(document, _ => null)));
    }
}
