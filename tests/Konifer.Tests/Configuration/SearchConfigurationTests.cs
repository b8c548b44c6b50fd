using Konifer.Configuration;
using Konifer.Core.Assets;

namespace Konifer.Tests.Configuration;

/// <summary><c>search.enabled</c>, a path key: off by default, inherited like every path key, and it needs the model.</summary>
public sealed class SearchConfigurationTests
{
    private static KoniferConfiguration Read(string text) => HoconConfiguration.Read(HoconConfiguration.InMemoryStores + text);

    private static bool Enabled(KoniferConfiguration configuration, string path) =>
        configuration.Paths.Resolve(AssetPath.Parse(path)).Search.Enabled;

    [Fact]
    public void Search_is_off_by_default_and_then_no_model_is_needed()
    {
        var configuration = Read("");

        Assert.False(Enabled(configuration, "/anything"));
        Assert.False(configuration.Rules.SearchEnabled);
        Assert.False(configuration.Rules.UsesModel);
    }

    [Fact]
    public void Search_enabled_is_inherited_along_paths_and_a_more_specific_block_can_turn_it_off()
    {
        var configuration = Read("""
            paths {
              "/photos/**" { search.enabled = true }
              "/photos/private/**" { search { enabled = false } }
            }
            """);

        Assert.True(Enabled(configuration, "/photos"));
        Assert.True(Enabled(configuration, "/photos/users/1"));
        Assert.False(Enabled(configuration, "/photos/private/1"));
        Assert.False(Enabled(configuration, "/other"));
        Assert.True(configuration.Rules.UsesModel);
    }

    [Fact]
    public void A_wrong_value_names_the_key()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read("""paths { "/photos/**" { search.enabled = maybe } }"""));

        Assert.Contains("search.enabled", error.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_config_prints_the_key_per_pattern_and_not_the_derived_flag()
    {
        var lines = EffectiveConfiguration.Lines(Read("""paths { "/photos/**" { search.enabled = true } }"""));

        Assert.Contains("paths.\"/photos/**\".search.enabled = true", lines);
        Assert.DoesNotContain(lines, l => l.Contains("search-enabled", StringComparison.Ordinal));
    }
}
