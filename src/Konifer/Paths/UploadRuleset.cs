using Konifer.Configuration;

namespace Konifer.Paths;

/// <summary><c>upload-ruleset</c>: the default decision and the configured rules (kept as configured).</summary>
public sealed record UploadRuleset(
    UploadDecision Default,
    IReadOnlyList<UploadRule> AcceptRules,
    IReadOnlyList<UploadRule> RejectRules,
    IReadOnlyList<UploadRule> ModifyRules)
{
    public static UploadRuleset AcceptAll { get; } = new(UploadDecision.Accept, [], [], []);

    private static readonly (string, UploadDecision)[] Decisions =
        [("accept", UploadDecision.Accept), ("reject", UploadDecision.Reject)];

    internal static UploadRuleset Read(ConfigSection section) => new(
        section.Choice("default", Decisions) ?? UploadDecision.Accept,
        ReadRules(section, "accept-rules"),
        ReadRules(section, "reject-rules"),
        ReadRules(section, "modify-rules"));

    /// <summary>
    /// Checks one configured block's <c>upload-ruleset</c> (not an inherited merge): a rule cannot be both in
    /// accept-rules and reject-rules of the same ruleset, as the reference documents.
    /// </summary>
    internal static void CheckConfigured(ConfigSection section)
    {
        var accept = ReadRules(section, "accept-rules");
        var reject = ReadRules(section, "reject-rules");
        var both = accept.Select(r => r.Rule).Intersect(reject.Select(r => r.Rule)).FirstOrDefault();
        if (both is not null)
            throw new ConfigurationException(section.KeyOf("reject-rules"),
                $"the rule '{both}' is also in accept-rules; a rule cannot both accept and reject");
    }

    private static IReadOnlyList<UploadRule> ReadRules(ConfigSection section, string name) =>
        Array.AsReadOnly(section.SectionList(name)?.Select(UploadRule.Read).ToArray() ?? []);
}
