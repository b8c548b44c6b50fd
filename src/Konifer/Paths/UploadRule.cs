namespace Konifer.Paths;

/// <summary>
/// One entry of <c>upload-ruleset.*-rules</c>: the name of a rule definition (normalized to lower case, as the
/// reference does), the optional response for a rejection and labels added by modify rules. Rule evaluation and the
/// check against <c>rule-definitions</c> belong to a later issue.
/// </summary>
public sealed record UploadRule(string Rule, string? ViolationResponse, IReadOnlyDictionary<string, string> Labels)
{
    public const int MaxViolationResponseLength = 200;

    /// <summary>A rule as configured: the name is trimmed and lower-cased.</summary>
    /// <exception cref="InvalidPathSettingException">The name is missing or the response is too long.</exception>
    public static UploadRule Create(string? rule, string? violationResponse, IReadOnlyDictionary<string, string> labels)
    {
        if (string.IsNullOrWhiteSpace(rule))
            throw new InvalidPathSettingException("rule", "is required: name a rule from rule-definitions");
        if (violationResponse is { Length: >= MaxViolationResponseLength })
            throw new InvalidPathSettingException("violation-response", $"must be shorter than {MaxViolationResponseLength} characters");
        return new UploadRule(rule.Trim().ToLowerInvariant(), violationResponse, labels);
    }
}
