using Konifer.Configuration;

namespace Konifer.Paths;

/// <summary>
/// One entry of <c>upload-ruleset.*-rules</c>: the name of a rule definition (normalized to lower case, as the
/// reference does), the optional response for a rejection and labels added by modify rules. Rule evaluation and the
/// check against <c>rule-definitions</c> belong to a later issue.
/// </summary>
public sealed record UploadRule(string Rule, string? ViolationResponse, IReadOnlyDictionary<string, string> Labels)
{
    public const int MaxViolationResponseLength = 200;

    internal static UploadRule Read(ConfigSection section)
    {
        var rule = section.String("rule");
        if (string.IsNullOrWhiteSpace(rule))
            throw new ConfigurationException(section.KeyOf("rule"), "is required: name a rule from rule-definitions");
        var response = section.String("violation-response");
        if (response is { Length: >= MaxViolationResponseLength })
            throw new ConfigurationException(section.KeyOf("violation-response"),
                $"must be shorter than {MaxViolationResponseLength} characters");
        return new UploadRule(rule.Trim().ToLowerInvariant(), response, section.Section("labels").ParameterMap());
    }
}
