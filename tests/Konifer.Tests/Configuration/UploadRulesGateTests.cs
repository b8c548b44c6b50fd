using Konifer.Configuration;

namespace Konifer.Tests.Configuration;

/// <summary>Issue 15, part 1: upload rules are not evaluated yet, so a configuration that declares them does not start.</summary>
public sealed class UploadRulesGateTests
{
    /// <summary>The rules the cases name are defined, so that what stops start-up is the gate, not a missing definition.</summary>
    private const string Definitions = """
        rule-definitions {
          "a photo of a cat" { prompts = ["a cat"], threshold = 0.5 }
          nudity { prompts = ["nudity"], threshold = 0.5 }
          "a dog" { prompts = ["a dog"], threshold = 0.5 }
        }

        """;

    private static KoniferConfiguration Read(string text) => HoconConfiguration.Read(HoconConfiguration.InMemoryStores + Definitions + text);

    [Theory]
    [InlineData("""paths { "/photos/**" { upload-ruleset.default = reject } }""", "paths.\"/photos/**\".upload-ruleset.default")]
    [InlineData("""paths { "/**" { upload-ruleset.accept-rules = [ { rule = "a photo of a cat" } ] } }""", "paths.\"/**\".upload-ruleset.accept-rules")]
    [InlineData("""paths { "/a/*" { upload-ruleset.reject-rules = [ { rule = "nudity", violation-response = "not here" } ] } }""", "paths.\"/a/*\".upload-ruleset.reject-rules")]
    [InlineData("""paths { "/a" { upload-ruleset.modify-rules = [ { rule = "a dog", labels { kind = dog } } ] } }""", "paths.\"/a\".upload-ruleset.modify-rules")]
    [InlineData("""paths = [ { path = "/b/**", upload-ruleset { default = reject } } ]""", "paths.\"/b/**\".upload-ruleset.default")]
    public void A_declared_rule_stops_start_up_naming_its_block_and_key(string config, string key)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(config));

        Assert.Equal(key, error.Key);
        Assert.Contains("not evaluated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""paths { "/**" { upload-ruleset { default = accept } } }""")]
    [InlineData("""paths { "/**" { upload-ruleset { accept-rules = [], reject-rules = [], modify-rules = [] } } }""")]
    public void Accepting_every_upload_without_rules_is_what_the_server_does_and_starts(string config) =>
        Assert.Equal(Konifer.Paths.UploadDecision.Accept, Read(config).Paths.Resolve(Konifer.Core.Assets.AssetPath.Parse("/x")).UploadRuleset.Default);

    [Fact]
    public void A_wrong_rule_is_still_named_for_what_is_wrong_with_it()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            Read("""paths { "/a" { upload-ruleset.reject-rules = [ { violation-response = "no" } ] } }"""));

        Assert.Equal("paths.\"/a\".upload-ruleset.reject-rules[0].rule", error.Key);
    }
}
