using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Konifer.Hosting.Health;

/// <summary>The stores' part of readiness: only reads what <see cref="DependencyHealthMonitor"/> last saw, never a store.</summary>
internal sealed class DependencyHealthCheck(DependencyHealthMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var unhealthy = monitor.Unhealthy();
        return Task.FromResult(unhealthy.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", unhealthy)));
    }
}
