using Konifer.Rules;

namespace Konifer.Http.RuleEvaluations;

/// <summary>One definition's result: the best prompt's score, whether it reaches the threshold, and every prompt's score.</summary>
public sealed record RuleEvaluationResponse(string Name, double Threshold, double Score, bool Matched, IReadOnlyList<PromptScoreResponse> PromptScores)
{
    public static RuleEvaluationResponse From(RuleEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return new RuleEvaluationResponse(evaluation.Name, evaluation.Threshold, evaluation.Score, evaluation.Matched,
            evaluation.PromptScores.Select(PromptScoreResponse.From).ToArray());
    }
}
