namespace Konifer.Paths;

/// <summary>
/// One entry of <c>upload-ruleset.*-rules</c>: the name of a rule definition (normalized to lower case, as the
/// reference does), the optional response for a rejection and labels added by modify rules. The check against
/// <c>rule-definitions</c> is the configuration reader's (the definitions are global).
/// </summary>
public sealed record UploadRule(string Rule, string? ViolationResponse, IReadOnlyDictionary<string, string> Labels)
{
    public const int MaxViolationResponseLength = 200;
    public const int MaxLabelKeyLength = 128;
    public const int MaxLabelValueLength = 256;

    /// <summary>A rule as configured: the name is trimmed and lower-cased.</summary>
    /// <exception cref="InvalidPathSettingException">The name is missing, the response too long or a label invalid.</exception>
    public static UploadRule Create(string? rule, string? violationResponse, IReadOnlyDictionary<string, string> labels)
    {
        if (string.IsNullOrWhiteSpace(rule))
            throw new InvalidPathSettingException("rule", "is required: name a rule from rule-definitions");
        if (violationResponse is { Length: >= MaxViolationResponseLength })
            throw new InvalidPathSettingException("violation-response", $"must be shorter than {MaxViolationResponseLength} characters");
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var (key, value) in labels)
        {
            var problem = string.IsNullOrWhiteSpace(key) ? "Label key cannot be blank"
                : key.Length > MaxLabelKeyLength ? $"Label key cannot exceed {MaxLabelKeyLength} characters"
                : string.IsNullOrWhiteSpace(value) ? "Label value cannot be blank"
                : value.Length > MaxLabelValueLength ? $"Label value cannot exceed {MaxLabelValueLength} characters"
                : null;
            if (problem is not null) throw new InvalidPathSettingException("labels", problem);
        }
        return new UploadRule(rule.Trim().ToLowerInvariant(), violationResponse, labels);
    }
}
