using Konifer.Paths;

namespace Konifer.Configuration.Reading;

/// <summary><c>upload-ruleset</c> of one <c>paths</c> block.</summary>
internal static class UploadRulesetReader
{
    private static readonly (string, UploadDecision)[] Decisions =
        [("accept", UploadDecision.Accept), ("reject", UploadDecision.Reject)];

    public static PathSettings Read(ConfigReader ruleset, PathSettings settings)
    {
        var decision = ruleset.Choice("default", Decisions);
        var accept = Rules(ruleset, "accept-rules");
        var reject = Rules(ruleset, "reject-rules");
        var modify = Rules(ruleset, "modify-rules");
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
