using Konifer.Paths;

namespace Konifer.Configuration.Reading;

/// <summary>
/// Upload rules are read and checked, but nothing evaluates them yet (they need the SigLIP2 model, issue 15). A path
/// that declares them expects uploads to be screened or labelled, and would otherwise store every upload silently, so
/// such a configuration does not start: one error naming the first block and key that declares a rule.
/// <c>default = accept</c> with no rules is what the server does anyway, and passes.
/// </summary>
internal static class UploadRulesGate
{
    public static void Check(PathConfigurationResolver paths)
    {
        foreach (var rule in paths.Rules)
        {
            var settings = rule.Settings;
            var key = settings.UploadDefault == UploadDecision.Reject ? "default"
                : settings.AcceptRules is { Count: > 0 } ? "accept-rules"
                : settings.RejectRules is { Count: > 0 } ? "reject-rules"
                : settings.ModifyRules is { Count: > 0 } ? "modify-rules"
                : null;
            if (key is null) continue;
            throw new ConfigurationException($"paths.{ConfigText.QuoteKey(rule.Pattern.ToString())}.upload-ruleset.{key}",
                "upload rules are not evaluated by this server yet (they need the SigLIP2 model); it does not start with them, " +
                "since every upload would be stored unscreened. Remove upload-ruleset from this path, or keep default = accept without rules.");
        }
    }
}
