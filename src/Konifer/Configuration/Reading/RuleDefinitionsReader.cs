using System.Globalization;
using System.Text.Json.Nodes;
using Konifer.Paths;
using Konifer.Rules;

namespace Konifer.Configuration.Reading;

/// <summary>
/// <c>rule-definitions</c>, <c>api.rule-evaluation.enabled</c> and <c>rules</c>; and the check that every rule a path's
/// <c>upload-ruleset</c> names is defined, so a typo stops start-up instead of failing every upload.
/// </summary>
internal static class RuleDefinitionsReader
{
    private const string Key = "rule-definitions";

    public static RulesSettings Read(ConfigReader root)
    {
        var rules = root.Section("rules");
        var inference = rules.Section("inference");
        return new RulesSettings
        {
            Definitions = Definitions(root),
            RuleEvaluationEnabled = root.Section("api").Section("rule-evaluation").Bool("enabled") ?? false,
            ModelDir = rules.OptionalText("model-dir") ?? RulesSettings.DefaultModelDir,
            Inference = new RuleInferenceSettings(inference.Int("workers", 1, 64) ?? 1, inference.Int("queue-size", 1, 100_000) ?? 64),
        };
    }

    private static RuleDefinitions Definitions(ConfigReader root)
    {
        var node = root.Raw(Key);
        if (node is null) return RuleDefinitions.None;
        if (node is not JsonObject byName)
            throw new ConfigurationException(Key, $"expected an object keyed by rule name, found {ConfigText.Describe(node)}");
        var definitions = new List<RuleDefinition>(byName.Count);
        foreach (var (name, body) in byName)
        {
            var key = $"{Key}.{ConfigText.QuoteKey(name)}";
            if (body is not JsonObject fields)
                throw new ConfigurationException(key, $"expected an object with prompts and threshold, found {ConfigText.Describe(body)}");
            var section = root.Nested(fields, key, byName, name);
            var definition = Definition(section, name);
            if (definitions.Any(d => d.Name == definition.Name))
                throw new ConfigurationException(key, $"the rule '{definition.Name}' is defined twice (names are lower-cased)");
            definitions.Add(definition);
        }
        return new RuleDefinitions(definitions);
    }

    private static RuleDefinition Definition(ConfigReader section, string name)
    {
        var prompts = section.StringList("prompts") ?? throw section.Error("prompts", "is required: a list of 1 to 100 prompts");
        var threshold = Threshold(section);
        try
        {
            return RuleDefinition.Create(name, prompts, threshold);
        }
        catch (InvalidRuleDefinitionException e)
        {
            throw section.Error(e.Setting, e.Message);
        }
    }

    private static double Threshold(ConfigReader section)
    {
        var text = section.String("threshold") ?? throw section.Error("threshold", "is required: a number from 0.0 to 1.0");
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold)
            ? threshold
            : throw section.Error("threshold", $"'{text}' is not a number");
    }

    /// <summary>Every <c>upload-ruleset.*-rules[].rule</c> names a definition.</summary>
    public static void CheckReferences(PathConfigurationResolver paths, RuleDefinitions definitions)
    {
        foreach (var rule in paths.Rules)
        {
            var block = $"paths.{ConfigText.QuoteKey(rule.Pattern.ToString())}.upload-ruleset";
            Check(block, "accept-rules", rule.Settings.AcceptRules, definitions);
            Check(block, "reject-rules", rule.Settings.RejectRules, definitions);
            Check(block, "modify-rules", rule.Settings.ModifyRules, definitions);
        }
    }

    private static void Check(string block, string list, IReadOnlyList<UploadRule>? rules, RuleDefinitions definitions)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
            if (!definitions.Contains(rules![i].Rule))
                throw new ConfigurationException($"{block}.{list}[{i}].rule", $"'{rules[i].Rule}' is not a rule defined in rule-definitions");
    }
}
