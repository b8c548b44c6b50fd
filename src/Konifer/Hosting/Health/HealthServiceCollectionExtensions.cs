using Konifer.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Konifer.Hosting.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Readiness (<c>/health/ready</c>): the lifecycle and the cached results of the stores' checks, which the stores
    /// registered themselves. Register after the stores, so that the monitor starts after their start-up steps.
    /// </summary>
    public static IServiceCollection AddKoniferHealth(this IServiceCollection services)
    {
        services.TryAddSingleton(HealthMonitorSettings.Default);
        services.AddSingleton<DependencyHealthMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DependencyHealthMonitor>());
        services.AddHealthChecks()
            .AddCheck<LifecycleHealthCheck>("lifecycle", tags: [HealthApi.ReadinessTag])
            .AddCheck<DependencyHealthCheck>("stores", tags: [HealthApi.ReadinessTag]);
        return services;
    }
}
