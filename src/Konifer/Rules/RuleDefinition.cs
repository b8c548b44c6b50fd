namespace Konifer.Rules;

/// <summary>
/// A named rule: prompts describing what it detects and the score from which it matches. The name is lower-cased (so
/// references from rulesets compare regardless of case), the prompts normalized as cached
/// (<see cref="RulePrompt.Normalize"/>) with duplicates collapsed, in their first order.
/// </summary>
public sealed record RuleDefinition
{
    public const int MaxNameLength = 32;
    public const int MaxPrompts = 100;
    public const int MaxPromptLength = 256;

    private RuleDefinition(string name, IReadOnlyList<string> prompts, double threshold)
    {
        Name = name;
        Prompts = prompts;
        Threshold = threshold;
    }

    public string Name { get; }

    /// <summary>Normalized prompts (with the template prefix), in the order first given.</summary>
    public IReadOnlyList<string> Prompts { get; }

    public double Threshold { get; }

    /// <exception cref="InvalidRuleDefinitionException">The name, a prompt or the threshold is invalid (the reference's messages).</exception>
    public static RuleDefinition Create(string? name, IReadOnlyList<string?>? prompts, double threshold)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new InvalidRuleDefinitionException("", "Rule name cannot be blank");
        var normalizedName = name.Trim().ToLowerInvariant();
        if (normalizedName.Length > MaxNameLength)
            throw new InvalidRuleDefinitionException("", $"Rule name cannot be longer than {MaxNameLength} characters");
        if (prompts is null || prompts.Count == 0)
            throw new InvalidRuleDefinitionException("prompts", "Rule definition must have at least one prompt");
        if (prompts.Count > MaxPrompts)
            throw new InvalidRuleDefinitionException("prompts", $"Rule definition cannot have more than {MaxPrompts} prompts");
        var normalized = new List<string>(prompts.Count);
        foreach (var prompt in prompts)
        {
            if (string.IsNullOrWhiteSpace(prompt))
                throw new InvalidRuleDefinitionException("prompts", "Prompt must not be empty.");
            if (prompt.Trim().Length > MaxPromptLength)
                throw new InvalidRuleDefinitionException("prompts", $"Prompt cannot be longer than {MaxPromptLength} characters");
            var text = RulePrompt.Normalize(prompt);
            if (!normalized.Contains(text, StringComparer.Ordinal)) normalized.Add(text);
        }
        if (!(threshold >= 0.0 && threshold <= 1.0))
            throw new InvalidRuleDefinitionException("threshold", "Rule threshold must be between 0.0 and 1.0");
        return new RuleDefinition(normalizedName, normalized.AsReadOnly(), threshold);
    }
}
