using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Konifer.Rules;

public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the upload-rule services (<see cref="UploadScreening"/>, <see cref="EvaluateRules"/>) over the
    /// towers (<see cref="IImageEmbedder"/>, <see cref="ITextEmbedder"/>, registered by Inference/) and the prompt
    /// store (registered with the metadata store), and the prompt warm-up when rules are configured.
    /// </summary>
    /// <param name="definitions"><c>rule-definitions</c> (<c>KoniferConfiguration.Rules.Definitions</c>).</param>
    public static IServiceCollection AddUploadRules(this IServiceCollection services, RuleDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        services.AddSingleton(definitions);
        // No rule and no evaluation API: no model is loaded, and nothing asks these (the configuration allows no rule).
        services.TryAddSingleton<IImageEmbedder, NoRuleModel>();
        services.TryAddSingleton<ITextEmbedder, NoRuleModel>();
        services.AddSingleton<PromptEmbeddings>();
        services.AddSingleton<RuleEvaluator>();
        services.AddSingleton<UploadScreening>();
        services.AddSingleton<EvaluateRules>();
        if (definitions.Count > 0) services.AddHostedService<PromptEmbeddingWarmUp>();
        return services;
    }
}
