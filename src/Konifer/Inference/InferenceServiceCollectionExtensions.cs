using Konifer.Rules;

namespace Konifer.Inference;

public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SigLIP2 towers as <see cref="IImageEmbedder"/> and <see cref="ITextEmbedder"/>. Nothing is loaded
    /// here: call <see cref="Siglip2ModelFiles.Check"/> at start-up to fail early; once the host starts, the image tower
    /// loads in the background (<see cref="VisionModelWarmUp"/>); the text tower loads when a prompt needs embedding.
    /// The container disposes the runtime (pool first, then the sessions) at shutdown.
    /// </summary>
    public static IServiceCollection AddSiglip2Inference(this IServiceCollection services, InferenceSettings settings)
    {
        services.AddSingleton(sp => new Siglip2Runtime(settings, sp.GetService<ILogger<Siglip2Runtime>>()));
        services.AddSingleton(sp => sp.GetRequiredService<Siglip2Runtime>().Files);
        services.AddSingleton<IImageEmbedder>(sp => new Siglip2ImageEmbedder(sp.GetRequiredService<Siglip2Runtime>()));
        services.AddSingleton<ITextEmbedder>(sp => new Siglip2TextEmbedder(sp.GetRequiredService<Siglip2Runtime>()));
        services.AddHostedService<VisionModelWarmUp>();
        return services;
    }
}
