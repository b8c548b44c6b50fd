using Konifer.Paths;

namespace Konifer.Configuration.Reading;

/// <summary><c>upload-ruleset</c> of one <c>paths</c> block.</summary>
internal static class UploadRulesetReader
{
    private static readonly (string, UploadDecision)[] Decisions =
        [("accept", UploadDecision.Accept), ("reject", UploadDecision.Reject)];

    /// <summary><c>modify-rules</c>, then the older spellings of the reference (v0.7, v0.8): one of them per block.</summary>
    private static readonly string[] ModifySpellings = ["modify-rules", "label-rules", "edit-rules"];

    public static PathSettings Read(ConfigReader ruleset, PathSettings settings, ConfigurationWarnings? warnings = null)
    {
        var decision = ruleset.Choice("default", Decisions);
        var accept = Rules(ruleset, "accept-rules");
        var reject = Rules(ruleset, "reject-rules");
        var modify = Rules(ruleset, ModifySpelling(ruleset, warnings));
        try
        {
            UploadRuleset.CheckConfigured(accept, reject);
        }
        catch (InvalidPathSettingException e)
        {
            throw ruleset.Error(e.Setting, e.Message);
        }
        return settings with { UploadDefault = decision, AcceptRules = accept, RejectRules = reject, ModifyRules = modify };
    }

    private static string ModifySpelling(ConfigReader ruleset, ConfigurationWarnings? warnings)
    {
        var written = ModifySpellings.Where(ruleset.Mentions).ToArray();
        if (written.Length > 1)
            throw ruleset.Error(written[1], $"is another spelling of {written[0]} in the same block; write only modify-rules");
        if (written.Length == 0) return ModifySpellings[0];
        if (written[0] != ModifySpellings[0])
            warnings?.Add(ruleset.KeyOf(written[0]), "an older spelling; write modify-rules instead");
        return written[0];
    }

    private static IReadOnlyList<UploadRule>? Rules(ConfigReader ruleset, string name) =>
        ruleset.SectionList(name)?.Select(Rule).ToArray().AsReadOnly();

    private static UploadRule Rule(ConfigReader rule)
    {
        try
        {
            return UploadRule.Create(rule.String("rule"), rule.String("violation-response"), rule.Section("labels").ParameterMap());
        }
        catch (InvalidPathSettingException e)
        {
            throw rule.Error(e.Setting, e.Message);
        }
    }
}
