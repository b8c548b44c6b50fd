namespace Konifer.Rules;

/// <summary>One definition of a <c>POST /rule-evaluations</c> request, as the client sent it (not yet validated).</summary>
public sealed record RuleDefinitionRequest(string? Name, IReadOnlyList<string?>? Prompts, double Threshold);
