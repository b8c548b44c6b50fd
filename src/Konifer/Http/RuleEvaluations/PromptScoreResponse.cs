using Konifer.Rules;

namespace Konifer.Http.RuleEvaluations;

public sealed record PromptScoreResponse(string Prompt, double Score)
{
    public static PromptScoreResponse From(PromptScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new PromptScoreResponse(score.Prompt, score.Score);
    }
}
