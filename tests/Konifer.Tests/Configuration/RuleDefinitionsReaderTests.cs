using System.Text.Json.Nodes;
using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Paths;
using Konifer.Rules;

namespace Konifer.Tests.Configuration;

/// <summary><c>rule-definitions</c>, <c>api.rule-evaluation</c>, <c>rules</c> and the rulesets' references to definitions.</summary>
public sealed class RuleDefinitionsReaderTests
{
    private static KoniferConfiguration Read(string text) => HoconConfiguration.Read(HoconConfiguration.InMemoryStores + text);

    private static ConfigurationException Error(string text) => Assert.Throws<ConfigurationException>(() => Read(text));

    [Fact]
    public void Without_configuration_there_are_no_rules_no_api_and_the_reference_s_model_directory()
    {
        var rules = Read("").Rules;

        Assert.Empty(rules.Definitions);
        Assert.False(rules.RuleEvaluationEnabled);
        Assert.False(rules.UsesModel);
        Assert.Equal("models/siglip2-base-patch16-224", rules.ModelDir);
        Assert.Equal(new RuleInferenceSettings(1, 64), rules.Inference);
    }

    [Fact]
    public void Definitions_are_read_in_order_with_names_lower_cased_and_prompts_normalized()
    {
        var rules = Read("""
            rule-definitions {
              "Blood-And-Gore" { prompts = ["Graphic visible blood", "  open wound with blood ", "graphic visible blood"], threshold = 0.72 }
              logo { prompts = ["a green tree logo"], threshold = "1" }
            }
            """).Rules;

        Assert.Equal(["blood-and-gore", "logo"], rules.Definitions.Select(d => d.Name));
        var blood = rules.Definitions["blood-and-gore"];
        Assert.Equal(["this is a photo of graphic visible blood", "this is a photo of open wound with blood"], blood.Prompts);
        Assert.Equal(0.72, blood.Threshold);
        Assert.Equal(1.0, rules.Definitions["logo"].Threshold);
        Assert.True(rules.UsesModel);
    }

    [Theory]
    [InlineData("""rule-definitions { "" { prompts = [a], threshold = 0.5 } }""", "rule-definitions.\"\"", "Rule name cannot be blank")]
    [InlineData("""rule-definitions { abcdefghijklmnopqrstuvwxyz0123456 { prompts = [a], threshold = 0.5 } }""", "rule-definitions.abcdefghijklmnopqrstuvwxyz0123456", "Rule name cannot be longer than 32 characters")]
    [InlineData("""rule-definitions { r { prompts = [a, " "], threshold = 0.5 } }""", "rule-definitions.r.prompts", "Prompt must not be empty.")]
    [InlineData("""rule-definitions { r { prompts = [], threshold = 0.5 } }""", "rule-definitions.r.prompts", "Rule definition must have at least one prompt")]
    [InlineData("""rule-definitions { r { threshold = 0.5 } }""", "rule-definitions.r.prompts", "is required: a list of 1 to 100 prompts")]
    [InlineData("""rule-definitions { r { prompts = [a], threshold = 1.5 } }""", "rule-definitions.r.threshold", "Rule threshold must be between 0.0 and 1.0")]
    [InlineData("""rule-definitions { r { prompts = [a], threshold = -0.1 } }""", "rule-definitions.r.threshold", "Rule threshold must be between 0.0 and 1.0")]
    [InlineData("""rule-definitions { r { prompts = [a], threshold = high } }""", "rule-definitions.r.threshold", "'high' is not a number")]
    [InlineData("""rule-definitions { r { prompts = [a] } }""", "rule-definitions.r.threshold", "is required: a number from 0.0 to 1.0")]
    [InlineData("""rule-definitions { r { prompts = [a], threshold = 0.5 }, R { prompts = [b], threshold = 0.5 } }""", "rule-definitions.R", "the rule 'r' is defined twice (names are lower-cased)")]
    [InlineData("""rule-definitions = [ { prompts = [a] } ]""", "rule-definitions", "expected an object keyed by rule name, found a list")]
    [InlineData("""rules.inference.workers = 0""", "rules.inference.workers", "0 is out of range (1..64)")]
    public void A_wrong_definition_or_setting_stops_start_up_naming_its_key(string config, string key, string problem)
    {
        var error = Error(config);

        Assert.Equal(key, error.Key);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void A_misspelt_key_in_a_definition_is_unknown()
    {
        var error = Error("""rule-definitions { r { prompt = [a], prompts = [a], threshold = 0.5 } }""");

        Assert.Equal("rule-definitions.r.prompt", error.Key);
    }

    [Fact]
    public void The_api_model_directory_and_inference_pool_are_read()
    {
        var rules = Read("""
            api.rule-evaluation.enabled = yes
            rules { model-dir = "/mnt/siglip2", inference { workers = 2, queue-size = 10 } }
            """).Rules;

        Assert.True(rules.RuleEvaluationEnabled);
        Assert.True(rules.UsesModel);
        Assert.Equal("/mnt/siglip2", rules.ModelDir);
        Assert.Equal(new RuleInferenceSettings(2, 10), rules.Inference);
    }

    [Fact]
    public void KONIFER_MODEL_DIR_sets_the_model_directory()
    {
        var overrides = EnvironmentOverrides.Read(name => name == "KONIFER_MODEL_DIR" ? "/opt/models/siglip2" : null);

        Assert.Equal("/opt/models/siglip2", overrides["rules.model-dir"]);
    }

    [Theory]
    [InlineData("accept-rules")]
    [InlineData("reject-rules")]
    [InlineData("modify-rules")]
    public void A_ruleset_rule_must_name_a_definition(string list)
    {
        var error = Error($$"""
            rule-definitions { cat { prompts = [cat], threshold = 0.5 } }
            paths { "/a/**" { upload-ruleset.{{list}} = [ { rule = cat }, { rule = "Dog" } ] } }
            """);

        Assert.Equal($"paths.\"/a/**\".upload-ruleset.{list}[1].rule", error.Key);
        Assert.Equal("'dog' is not a rule defined in rule-definitions", error.Problem);
    }

    [Fact]
    public void A_reference_to_a_defined_rule_in_any_case_passes_the_check()
    {
        var configuration = Read("""
            rule-definitions { cat { prompts = [cat], threshold = 0.5 } }
            paths { "/a/**" { upload-ruleset.reject-rules = [ { rule = CAT } ] } }
            """);

        var ruleset = configuration.Paths.Resolve(Konifer.Core.Assets.AssetPath.Parse("/a/b")).UploadRuleset;
        Assert.Equal("cat", Assert.Single(ruleset.RejectRules).Rule);
    }

    [Theory]
    [InlineData("label-rules")]
    [InlineData("edit-rules")]
    public void The_older_spellings_of_modify_rules_are_read_as_modify_rules(string spelling)
    {
        var configuration = Read($$"""
            rule-definitions { cat { prompts = [cat], threshold = 0.5 } }
            paths { "/a/**" { upload-ruleset.{{spelling}} = [ { rule = cat, labels { kind = cat } } ] } }
            """);

        var rule = Assert.Single(configuration.Paths.Resolve(Konifer.Core.Assets.AssetPath.Parse("/a/b")).UploadRuleset.ModifyRules);
        Assert.Equal(("cat", "cat"), (rule.Rule, rule.Labels["kind"]));
    }

    [Fact]
    public void An_older_spelling_of_modify_rules_is_read_with_a_warning()
    {
        var warnings = new ConfigurationWarnings();
        var ruleset = (JsonObject)JsonNode.Parse("""{ "edit-rules": [ { "rule": "Cat", "labels": { "kind": "cat" } } ] }""")!;

        var settings = UploadRulesetReader.Read(new ConfigReader(ruleset, "paths.\"/a\".upload-ruleset"), new PathSettings(), warnings);

        Assert.Equal("cat", Assert.Single(settings.ModifyRules!).Rule);
        Assert.Equal(["paths.\"/a\".upload-ruleset.edit-rules: an older spelling; write modify-rules instead"], warnings.All);
    }

    [Fact]
    public void Two_spellings_of_modify_rules_in_one_block_stop_start_up()
    {
        var error = Error("""
            rule-definitions { cat { prompts = [cat], threshold = 0.5 } }
            paths { "/a/**" { upload-ruleset { modify-rules = [], label-rules = [ { rule = cat } ] } } }
            """);

        Assert.Equal("paths.\"/a/**\".upload-ruleset.label-rules", error.Key);
    }

    [Theory]
    [InlineData("""labels { "" = x }""", "Label key cannot be blank")]
    [InlineData("""labels { k = " " }""", "Label value cannot be blank")]
    public void Modify_rule_labels_are_checked(string labels, string problem)
    {
        var error = Error($$"""
            rule-definitions { cat { prompts = [cat], threshold = 0.5 } }
            paths { "/a/**" { upload-ruleset.modify-rules = [ { rule = cat, {{labels}} } ] } }
            """);

        Assert.Equal("paths.\"/a/**\".upload-ruleset.modify-rules[0].labels", error.Key);
        Assert.Equal(problem, error.Problem);
    }
}
