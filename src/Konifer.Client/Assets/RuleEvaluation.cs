namespace Konifer.Client;

/// <summary>A rule definition to score an image against (<c>POST /rule-evaluations</c>).</summary>
public sealed record RuleDefinition(string Name, IReadOnlyList<string> Prompts, double Threshold);

/// <summary>One definition's result: the best prompt's score, whether it reached the threshold, and each prompt's score.</summary>
public sealed record RuleEvaluation(string Name, double Threshold, double Score, bool Matched, IReadOnlyList<PromptScore> PromptScores);

/// <summary>The similarity of the image to one prompt.</summary>
public sealed record PromptScore(string Prompt, double Score);
