namespace Konifer.Rules;

/// <summary>
/// Scores rule definitions against one image: the image tower runs once whatever the number of rules, the prompts'
/// embeddings come from <see cref="PromptEmbeddings"/> (cached).
/// </summary>
public sealed class RuleEvaluator(IImageEmbedder imageEmbedder, PromptEmbeddings promptEmbeddings)
{
    /// <returns>One evaluation per definition, in the same order; none (and no model run) for no definitions.</returns>
    public async Task<IReadOnlyList<RuleEvaluation>> EvaluateAsync(IReadOnlyList<RuleDefinition> definitions, string imageFile, CancellationToken cancellationToken) =>
        (await EvaluateWithEmbeddingAsync(definitions, imageFile, cancellationToken).ConfigureAwait(false)).Evaluations;

    /// <returns>The evaluations, and the image's embedding (null, with no model run, for no definitions) for whoever keeps it (search).</returns>
    public async Task<(IReadOnlyList<RuleEvaluation> Evaluations, float[]? ImageEmbedding)> EvaluateWithEmbeddingAsync(
        IReadOnlyList<RuleDefinition> definitions, string imageFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        if (definitions.Count == 0) return ([], null);
        var prompts = definitions.SelectMany(d => d.Prompts).Distinct(StringComparer.Ordinal).ToArray();
        var embeddings = await promptEmbeddings.GetAsync(prompts, cancellationToken).ConfigureAwait(false);
        var image = await imageEmbedder.EmbedImageAsync(imageFile, cancellationToken).ConfigureAwait(false);
        return (definitions.Select(d => RuleEvaluation.Of(d, image, embeddings)).ToArray(), image);
    }
}
