using Konifer.Hosting.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Konifer.Tests.Hosting;

/// <summary>Readiness follows the host's lifecycle: not before "started", and no longer from "stopping" on.</summary>
public sealed class LifecycleHealthCheckTests
{
    [Fact]
    public async Task Ready_only_between_started_and_stopping()
    {
        var lifetime = new Lifetime();
        var check = new LifecycleHealthCheck(lifetime);
        async Task<HealthStatus> StatusAsync() => (await check.CheckHealthAsync(new HealthCheckContext())).Status;

        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync());
        await lifetime.Started.CancelAsync();
        Assert.Equal(HealthStatus.Healthy, await StatusAsync());
        await lifetime.Stopping.CancelAsync();
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync());
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Started { get; } = new();
        public CancellationTokenSource Stopping { get; } = new();
        public CancellationToken ApplicationStarted => Started.Token;
        public CancellationToken ApplicationStopping => Stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => Stopping.Cancel();
    }
}
