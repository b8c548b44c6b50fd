using Konifer.Rules;

namespace Konifer.Http.RuleEvaluations;

/// <summary>One entry of <c>definitions</c> as JSON; a missing threshold is refused by the use case, not taken as 0.</summary>
public sealed record RuleDefinitionBody(string? Name, List<string?>? Prompts, double? Threshold)
{
    public RuleDefinitionRequest ToRequest() => new(Name, Prompts, Threshold ?? double.NaN);
}
