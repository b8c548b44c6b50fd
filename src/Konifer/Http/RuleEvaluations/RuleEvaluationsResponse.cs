using Konifer.Rules;

namespace Konifer.Http.RuleEvaluations;

/// <summary>The 200 body: one result per definition, in request order.</summary>
public sealed record RuleEvaluationsResponse(IReadOnlyList<RuleEvaluationResponse> Results)
{
    public static RuleEvaluationsResponse From(IReadOnlyList<RuleEvaluation> evaluations) =>
        new(evaluations.Select(RuleEvaluationResponse.From).ToArray());
}
