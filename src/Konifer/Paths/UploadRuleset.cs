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

    /// <param name="section">The <c>upload-ruleset</c> section.</param>
    /// <param name="asConfigured">
    /// True when reading one configured block: then a rule in both accept-rules and reject-rules is an error (the
    /// reference forbids it within a single ruleset). Inherited lists from different blocks are not checked.
    /// </param>
    internal static UploadRuleset Read(ConfigSection section, bool asConfigured)
    {
        var accept = ReadRules(section, "accept-rules");
        var reject = ReadRules(section, "reject-rules");
        var both = accept.Select(r => r.Rule).Intersect(reject.Select(r => r.Rule)).FirstOrDefault();
        if (asConfigured && both is not null)
            throw new ConfigurationException(section.KeyOf("reject-rules"),
                $"the rule '{both}' is also in accept-rules; a rule cannot both accept and reject");
        return new UploadRuleset(
            section.Choice("default", Decisions) ?? UploadDecision.Accept,
            accept,
            reject,
            ReadRules(section, "modify-rules"));
    }

    private static IReadOnlyList<UploadRule> ReadRules(ConfigSection section, string name) =>
        section.SectionList(name)?.Select(UploadRule.Read).ToArray() ?? [];
}
