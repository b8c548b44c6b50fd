namespace Konifer.Rules;

/// <summary>
/// <c>POST /rule-evaluations</c>: scores the request's own definitions against an image, storing nothing and applying
/// no ruleset. The definitions need not exist in the configuration.
/// </summary>
public sealed class EvaluateRules(RuleEvaluator evaluator)
{
    public const int MaxDefinitions = 10;

    /// <returns>One result per definition, in request order.</returns>
    /// <exception cref="InvalidRuleDefinitionException">The definitions are invalid (400 with the message).</exception>
    public async Task<IReadOnlyList<RuleEvaluation>> ExecuteAsync(
        IReadOnlyList<RuleDefinitionRequest>? requests, string imageFile, CancellationToken cancellationToken)
    {
        var definitions = Validate(requests);
        return await evaluator.EvaluateAsync(definitions, imageFile, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The checks of the request alone, before any image is read.</summary>
    /// <exception cref="InvalidRuleDefinitionException">The definitions are invalid.</exception>
    public static IReadOnlyList<RuleDefinition> Validate(IReadOnlyList<RuleDefinitionRequest>? requests)
    {
        if (requests is null || requests.Count == 0)
            throw new InvalidRuleDefinitionException("definitions", "At least one rule request is required");
        if (requests.Count > MaxDefinitions)
            throw new InvalidRuleDefinitionException("definitions", $"Maximum of {MaxDefinitions} rule definitions allowed per request");
        var definitions = requests.Select(r => RuleDefinition.Create(r.Name, r.Prompts, r.Threshold)).ToArray();
        var duplicate = definitions.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidRuleDefinitionException("definitions", $"Duplicate rule definition name: {duplicate.Key}");
        return definitions;
    }
}
