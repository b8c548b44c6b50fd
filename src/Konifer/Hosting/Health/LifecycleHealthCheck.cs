using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Konifer.Hosting.Health;

/// <summary>
/// The application's part of readiness: ready once the host has started, and no longer from the moment it begins
/// to stop, so a load balancer drains the instance before it goes away.
/// </summary>
internal sealed class LifecycleHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("the application is stopping")
            : lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the application has not started yet"));
}
