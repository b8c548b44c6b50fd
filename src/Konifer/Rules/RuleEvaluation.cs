namespace Konifer.Rules;

/// <summary>How one rule scored against one image: the best prompt's score, and whether it reaches the threshold.</summary>
public sealed record RuleEvaluation(string Name, double Threshold, double Score, bool Matched, IReadOnlyList<PromptScore> PromptScores)
{
    /// <param name="promptEmbeddings">At least the embeddings of the definition's prompts, by normalized prompt.</param>
    public static RuleEvaluation Of(RuleDefinition definition, float[] imageEmbedding, IReadOnlyDictionary<string, float[]> promptEmbeddings)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(promptEmbeddings);
        var scores = new List<PromptScore>(definition.Prompts.Count);
        var best = -1.0; // the reference's start value; any sigmoid beats it
        foreach (var prompt in definition.Prompts)
        {
            var score = SimilarityScore.Of(promptEmbeddings[prompt], imageEmbedding);
            scores.Add(new PromptScore(RulePrompt.Display(prompt), score));
            best = Math.Max(best, score);
        }
        return new RuleEvaluation(definition.Name, definition.Threshold, best, best >= definition.Threshold, scores.AsReadOnly());
    }
}
