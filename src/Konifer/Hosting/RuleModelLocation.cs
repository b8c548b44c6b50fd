using Konifer.Configuration;
using Konifer.Inference;

namespace Konifer.Hosting;

/// <summary>
/// Resolves <c>rules.model-dir</c> against the directory the server was started from and, when something needs the
/// model (rule definitions or the rule-evaluation API), requires its files there: a server that would screen uploads
/// does not start without the model that screens them. Serving and <c>--check-config</c> both go through here.
/// </summary>
internal static class RuleModelLocation
{
    /// <exception cref="ConfigurationException">The model is needed and a file is missing.</exception>
    public static KoniferConfiguration Resolve(KoniferConfiguration configuration, string currentDirectory)
    {
        var rules = configuration.Rules;
        var files = Siglip2ModelFiles.Locate(rules.ModelDir, currentDirectory);
        if (rules.UsesModel)
        {
            try
            {
                files.Check();
            }
            catch (FileNotFoundException e)
            {
                var neededBy = rules.Definitions.Count > 0 ? "rule-definitions"
                    : rules.RuleEvaluationEnabled ? "api.rule-evaluation.enabled"
                    : "search.enabled (in paths)";
                throw new ConfigurationException("rules.model-dir", $"{e.Message} {neededBy} needs the model.");
            }
        }
        return configuration with { Rules = rules with { ModelDir = files.Directory } };
    }
}
