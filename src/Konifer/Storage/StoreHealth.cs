using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Konifer.Storage;

/// <summary>
/// How a store adapter contributes its readiness check: an ASP.NET Core health check carrying
/// <see cref="DependencyTag"/>. Such checks are never run by a request: a background loop per check runs them and
/// readiness reads the cached results (Hosting/Health), so a slow database cannot make the probe hang.
/// </summary>
public static class StoreHealth
{
    public const string DependencyTag = "konifer-dependency";

    /// <summary>Registers <typeparamref name="TCheck"/> (built from the container) as a dependency named <paramref name="name"/>.</summary>
    public static IServiceCollection AddStoreHealthCheck<TCheck>(this IServiceCollection services, string name) where TCheck : class, IHealthCheck
    {
        services.AddHealthChecks().AddCheck<TCheck>(name, failureStatus: HealthStatus.Unhealthy, tags: [DependencyTag]);
        return services;
    }

    /// <summary>As <see cref="AddStoreHealthCheck{TCheck}"/>, for a check built by <paramref name="factory"/>.</summary>
    public static IServiceCollection AddStoreHealthCheck(this IServiceCollection services, string name, Func<IServiceProvider, IHealthCheck> factory)
    {
        services.AddHealthChecks().Add(new HealthCheckRegistration(name, factory, HealthStatus.Unhealthy, [DependencyTag]));
        return services;
    }
}
