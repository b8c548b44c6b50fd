using Konifer.Paths;

namespace Konifer.Rules;

/// <summary>
/// Screens one upload against its path's ruleset before anything is stored: accepted with the labels to store, or
/// refused with <see cref="UploadRejectedException"/>. The model runs only when the ruleset has rules to evaluate.
/// </summary>
public sealed class UploadScreening(RuleDefinitions definitions, RuleEvaluator evaluator)
{
    /// <summary>Whether uploads under this ruleset need the image evaluated (and so a decoded, spooled source).</summary>
    public static bool Evaluates(UploadRuleset ruleset) => UploadRuleDecision.RulesToEvaluate(ruleset).Count > 0;

    /// <param name="imageFile">The supplied source as spooled, before preprocessing.</param>
    /// <returns>
    /// The labels to store the upload with (the request's, with matched modify rules' labels over them), and the image
    /// embedding when rules were evaluated.
    /// </returns>
    /// <exception cref="UploadRejectedException">The ruleset refuses the upload (400 with the message).</exception>
    public async Task<UploadScreeningResult> ScreenAsync(
        UploadRuleset ruleset, string imageFile, IReadOnlyDictionary<string, string> requestLabels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleset);
        if (UploadRuleDecision.RejectsWithoutEvaluating(ruleset)) throw new UploadRejectedException();
        var names = UploadRuleDecision.RulesToEvaluate(ruleset);
        if (names.Count == 0) return new UploadScreeningResult(requestLabels, null);
        var (evaluations, image) = await evaluator.EvaluateWithEmbeddingAsync(names.Select(n => definitions[n]).ToArray(), imageFile, cancellationToken).ConfigureAwait(false);
        var matched = evaluations.Where(e => e.Matched).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return new UploadScreeningResult(UploadRuleDecision.Decide(ruleset, matched, requestLabels), image);
    }
}
