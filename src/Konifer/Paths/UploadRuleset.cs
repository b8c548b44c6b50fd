namespace Konifer.Paths;

/// <summary><c>upload-ruleset</c>: the default decision and the configured rules (kept as configured).</summary>
public sealed record UploadRuleset(
    UploadDecision Default,
    IReadOnlyList<UploadRule> AcceptRules,
    IReadOnlyList<UploadRule> RejectRules,
    IReadOnlyList<UploadRule> ModifyRules)
{
    public static UploadRuleset AcceptAll { get; } = new(UploadDecision.Accept, [], [], []);

    /// <summary>
    /// Checks the rules one block configures (not an inherited merge, where lists of different blocks meet): a rule
    /// cannot be both in accept-rules and reject-rules of the same ruleset, as the reference documents.
    /// </summary>
    /// <exception cref="InvalidPathSettingException">A rule is in both lists.</exception>
    public static void CheckConfigured(IReadOnlyList<UploadRule>? acceptRules, IReadOnlyList<UploadRule>? rejectRules)
    {
        var both = (acceptRules ?? []).Select(r => r.Rule).Intersect((rejectRules ?? []).Select(r => r.Rule)).FirstOrDefault();
        if (both is not null)
            throw new InvalidPathSettingException("reject-rules", $"the rule '{both}' is also in accept-rules; a rule cannot both accept and reject");
    }
}
