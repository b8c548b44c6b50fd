using Konifer.Core.Assets;
using Konifer.Paths;

namespace Konifer.Rules;

/// <summary>
/// The reference's decision on one upload from the rules that matched. With <c>default = accept</c> the reject rules
/// are evaluated (the accept rules are not), with <c>default = reject</c> the accept rules (the reject rules are not);
/// modify rules always, and they only add labels to an accepted upload.
/// </summary>
public static class UploadRuleDecision
{
    public const string TooManyLabelsMessage = "Cannot have more than 50 labels";

    /// <summary>The distinct rule names to evaluate for this ruleset, in configuration order; empty when no inference is needed.</summary>
    public static IReadOnlyList<string> RulesToEvaluate(UploadRuleset ruleset)
    {
        ArgumentNullException.ThrowIfNull(ruleset);
        if (RejectsWithoutEvaluating(ruleset)) return [];
        var decisive = ruleset.Default == UploadDecision.Accept ? ruleset.RejectRules : ruleset.AcceptRules;
        return decisive.Concat(ruleset.ModifyRules).Select(r => r.Rule).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Default reject without accept rules: every upload is refused, no model needed.</summary>
    public static bool RejectsWithoutEvaluating(UploadRuleset ruleset)
    {
        ArgumentNullException.ThrowIfNull(ruleset);
        return ruleset.Default == UploadDecision.Reject && ruleset.AcceptRules.Count == 0;
    }

    /// <summary>The labels the accepted upload is stored with.</summary>
    /// <param name="matched">Names of the rules that matched (those not evaluated count as not matched).</param>
    /// <exception cref="UploadRejectedException">The upload is refused, or would carry more than 50 labels.</exception>
    public static IReadOnlyDictionary<string, string> Decide(
        UploadRuleset ruleset, IReadOnlySet<string> matched, IReadOnlyDictionary<string, string> requestLabels)
    {
        ArgumentNullException.ThrowIfNull(ruleset);
        ArgumentNullException.ThrowIfNull(matched);
        ArgumentNullException.ThrowIfNull(requestLabels);
        if (ruleset.Default == UploadDecision.Reject)
        {
            if (!ruleset.AcceptRules.Any(r => matched.Contains(r.Rule))) throw new UploadRejectedException();
        }
        else
        {
            var violated = ruleset.RejectRules.Where(r => matched.Contains(r.Rule)).ToArray();
            if (violated.Length > 0)
            {
                var responses = violated.Select(r => r.ViolationResponse).OfType<string>().ToArray();
                throw responses.Length > 0 ? new UploadRejectedException(string.Join("; ", responses)) : new UploadRejectedException();
            }
        }

        var ruleLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in ruleset.ModifyRules.Where(r => matched.Contains(r.Rule)))
            foreach (var (key, value) in rule.Labels) ruleLabels[key] = value;
        if (ruleLabels.Count == 0) return requestLabels;
        var labels = new Dictionary<string, string>(requestLabels, StringComparer.Ordinal);
        foreach (var (key, value) in ruleLabels) labels[key] = value;
        if (labels.Count > AssetInformation.MaxLabels) throw new UploadRejectedException(TooManyLabelsMessage);
        return labels.AsReadOnly();
    }
}
