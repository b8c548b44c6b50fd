using Konifer.Variants.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Konifer.Variants.Jobs;

/// <summary>
/// Registers the producer side of the generation job queue (every instance queues its uploads' eager variants) and,
/// when this instance runs jobs, the worker. The queue itself comes with the metadata store.
/// </summary>
public static class GenerationJobServiceCollectionExtensions
{
    /// <param name="runJobs">False for an instance that serves the API only (<c>instance.role = api</c>).</param>
    public static IServiceCollection AddGenerationJobs(this IServiceCollection services, VariantGenerationSettings settings, bool runJobs)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GenerationJobSignal>();
        services.TryAddSingleton<EagerVariantQueue>();
        if (!runJobs) return services;
        services.TryAddSingleton<IGenerationJobRunner, EagerVariantJobRunner>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<GenerationJobWorker>(sp, settings));
        services.AddHostedService(sp => sp.GetRequiredService<GenerationJobWorker>());
        return services;
    }
}
