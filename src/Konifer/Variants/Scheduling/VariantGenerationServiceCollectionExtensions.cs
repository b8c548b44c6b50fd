using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Konifer.Variants.Scheduling;

/// <summary>
/// Registers the one scheduler of the process. The container disposes it on shutdown, which cancels queued work and
/// waits for running jobs, so no hosted service is needed.
/// </summary>
public static class VariantGenerationServiceCollectionExtensions
{
    public static IServiceCollection AddVariantGenerationScheduler(this IServiceCollection services, VariantGenerationSettings settings)
    {
        if (settings.Validate() is { } problem) throw new ArgumentException(problem, nameof(settings));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new GenerationLimits(settings.OutputLimits, settings.MemoryBudget));
        services.TryAddSingleton(sp => new VariantGenerationScheduler(
            settings,
            sp.GetRequiredService<ILogger<VariantGenerationScheduler>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        return services;
    }
}
