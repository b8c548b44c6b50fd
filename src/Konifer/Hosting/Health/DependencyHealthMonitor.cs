using System.Collections.Concurrent;
using System.Globalization;
using Konifer.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Konifer.Hosting.Health;

/// <summary>
/// Runs every store's readiness check (tagged <see cref="StoreHealth.DependencyTag"/>) in a loop of its own:
/// check, remember the result, rest, again. Readiness reads the remembered results only, so a probe never waits on a
/// store. A check that has not answered yet counts as unhealthy: a new instance is ready once its first checks pass.
/// </summary>
public sealed partial class DependencyHealthMonitor : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly HealthCheckRegistration[] _registrations;
    private readonly HealthMonitorSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger<DependencyHealthMonitor> _logger;
    private readonly ConcurrentDictionary<string, IndicatorState> _states = new(StringComparer.Ordinal);

    public DependencyHealthMonitor(IServiceProvider services, IOptions<HealthCheckServiceOptions> options, HealthMonitorSettings settings,
        TimeProvider clock, ILogger<DependencyHealthMonitor> logger)
    {
        _services = services;
        _registrations = options.Value.Registrations.Where(r => r.Tags.Contains(StoreHealth.DependencyTag)).ToArray();
        _settings = settings;
        _clock = clock;
        _logger = logger;
        foreach (var registration in _registrations) _states[registration.Name] = IndicatorState.Unknown;
    }

    /// <summary>The indicators that are not healthy now (unknown ones included), each with its cause.</summary>
    public IReadOnlyList<string> Unhealthy() =>
        [.. _states.Where(s => s.Value.Status != IndicatorStatus.Healthy).OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => $"{s.Key}: {s.Value.Cause}")];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_registrations.Select(r => Task.Run(() => LoopAsync(r, stoppingToken), CancellationToken.None)));

    private async Task LoopAsync(HealthCheckRegistration registration, CancellationToken stoppingToken)
    {
        IHealthCheck check;
        try
        {
            check = registration.Factory(_services);
        }
        catch (Exception e)
        {
            Record(registration.Name, new IndicatorState(IndicatorStatus.Unhealthy, "the check could not be created: " + e.Message));
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var state = await RunOnceAsync(registration, check, stoppingToken).ConfigureAwait(false);
            if (stoppingToken.IsCancellationRequested) return;
            Record(registration.Name, state);
            try
            {
                await Task.Delay(_settings.Interval, _clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<IndicatorState> RunOnceAsync(HealthCheckRegistration registration, IHealthCheck check, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            // WaitAsync too: a check that ignores its token must not hold the loop past the timeout.
            var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, timeout.Token)
                .WaitAsync(_settings.Timeout, _clock, stoppingToken).ConfigureAwait(false);
            return result.Status == HealthStatus.Healthy
                ? IndicatorState.Healthy
                : new IndicatorState(IndicatorStatus.Unhealthy, result.Description ?? result.Exception?.Message ?? result.Status.ToString());
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            return new IndicatorState(IndicatorStatus.Unhealthy, "timed out after " + Seconds(_settings.Timeout));
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            return new IndicatorState(IndicatorStatus.Unhealthy, e.Message);
        }
        catch (OperationCanceledException)
        {
            return IndicatorState.Unknown;
        }
    }

    /// <summary>Remembers the result; logs only changes: the first failure (also at start) and the recovery.</summary>
    private void Record(string name, IndicatorState state)
    {
        var previous = _states.TryGetValue(name, out var known) ? known : IndicatorState.Unknown;
        _states[name] = state;
        if (state.Status == IndicatorStatus.Unhealthy && previous.Status != IndicatorStatus.Unhealthy)
            LogUnhealthy(_logger, name, state.Cause);
        else if (state.Status == IndicatorStatus.Healthy && previous.Status == IndicatorStatus.Unhealthy)
            LogRecovered(_logger, name);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private enum IndicatorStatus { Unknown, Healthy, Unhealthy }

    private sealed record IndicatorState(IndicatorStatus Status, string Cause)
    {
        public static IndicatorState Unknown { get; } = new(IndicatorStatus.Unknown, "no check has answered yet");
        public static IndicatorState Healthy { get; } = new(IndicatorStatus.Healthy, "healthy");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: {Indicator} is unhealthy ({Cause}); /health/ready answers 503 until it recovers")]
    private static partial void LogUnhealthy(ILogger logger, string indicator, string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Readiness: {Indicator} is healthy again")]
    private static partial void LogRecovered(ILogger logger, string indicator);
}
