using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Hocon;

namespace Konifer.Tests.Configuration;

/// <summary>A key no setting reads stops start-up naming it and the closest real key, instead of leaving a default silently.</summary>
public sealed class UnknownKeyTests
{
    private const string Stores = HoconConfiguration.InMemoryStores;

    private static ConfigurationException Refused(string hocon) =>
        Assert.Throws<ConfigurationException>(() => KoniferConfigurationReader.Read(HoconParser.Parse(hocon)));

    [Theory]
    [InlineData("datastore.provider = in-memory\nobject-store.provider = in-memory", "datastore.provider", "data-store.provider")]
    [InlineData(Stores + "variant-generation.worker = 4", "variant-generation.worker", "variant-generation.workers")]
    [InlineData(Stores + "allowed-content-type = [image/png]", "allowed-content-type", "paths.\"/**\".allowed-content-types")]
    [InlineData(Stores + "paths { \"/a/**\" { allowed-content-type = [image/png] } }", "paths.\"/a/**\".allowed-content-type", "paths.\"/**\".allowed-content-types")]
    [InlineData(Stores + "data-store.postgresql.hots = db", "data-store.postgresql.hots", "data-store.postgresql.host")]
    [InlineData(Stores + "paths = [ { path = \"/**\", transform { eager-variant = [] } } ]", "paths[0].transform.eager-variant", "paths.\"/**\".transform.eager-variants")]
    public void An_unknown_key_is_named_with_the_closest_known_key(string hocon, string key, string suggestion)
    {
        var error = Refused(hocon);
        Assert.Equal(key, error.Key);
        Assert.Contains($"did you mean {suggestion}?", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_nothing_resembles_is_named_without_a_suggestion()
    {
        var error = Refused(Stores + "completely-unrelated-thing = 1");
        Assert.Equal("completely-unrelated-thing", error.Key);
        Assert.DoesNotContain("did you mean", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Framework_sections_and_every_real_key_are_accepted()
    {
        var configuration = KoniferConfigurationReader.Read(HoconParser.Parse(Stores + """
            Logging.LogLevel.Default = Warning
            AllowedHosts = "*"
            Kestrel.Endpoints.Http.Url = "http://127.0.0.1:9000"
            variant-profiles { thumb { w = 100, strip = null } }
            paths { "/**" { transform { eager-variants = [thumb] }, upload-ruleset { } } }
            """));
        Assert.Empty(configuration.Warnings);
    }

    [Fact]
    public void The_reference_engine_section_only_warns()
    {
        var configuration = KoniferConfigurationReader.Read(HoconParser.Parse(Stores + "ktor.deployment.port = 8080"));
        Assert.Contains(configuration.Warnings, w => w.StartsWith("ktor:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("variant-generation.workers = [1, 2]", "variant-generation.workers", "expected a single value, found a list")]
    [InlineData("source.url.read-timeout { seconds = 5 }", "source.url.read-timeout", "expected a single value, found an object")]
    [InlineData("data-store.postgresql.port = [5432]", "data-store.postgresql.port", "expected a single value, found a list")]
    [InlineData("source.multipart.max-bytes = [1]", "source.multipart.max-bytes", "expected a single value, found a list")]
    [InlineData("object-store.s3.force-path-style = [true]", "object-store.s3.force-path-style", "expected a single value, found a list")]
    [InlineData("data-store = in-memory", "data-store", "expected an object")]
    [InlineData("paths { \"/**\" { allowed-content-types = image/png } }", "paths.\"/**\".allowed-content-types", "expected a list")]
    public void A_value_of_the_wrong_type_is_an_error_naming_the_key(string hocon, string key, string problem)
    {
        var error = Refused(Stores + hocon);
        Assert.Equal(key, error.Key);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }
}
