using Konifer.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Rules;

public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the upload-rule services (<see cref="UploadScreening"/>, <see cref="EvaluateRules"/>) over the
    /// towers (<see cref="IImageEmbedder"/>, <see cref="ITextEmbedder"/>, registered by Inference/) and the prompt
    /// store (registered with the metadata store), and the prompt warm-up when rules are configured.
    /// </summary>
    public static IServiceCollection AddUploadRules(this IServiceCollection services, RulesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings.Definitions);
        services.AddSingleton<PromptEmbeddings>();
        services.AddSingleton<RuleEvaluator>();
        services.AddSingleton<UploadScreening>();
        services.AddSingleton<EvaluateRules>();
        if (settings.Definitions.Count > 0) services.AddHostedService<PromptEmbeddingWarmUp>();
        return services;
    }
}
