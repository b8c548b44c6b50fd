using System.Diagnostics.Metrics;
using Konifer.Configuration;
using Prometheus;

namespace Konifer.Observability;

/// <summary>
/// The Prometheus scrape endpoint, through prometheus-net (stable) rather than OpenTelemetry's Prometheus exporter
/// (a beta). Its meter adapter publishes this server's meters only: the filter keeps instruments whose meter came
/// from this host's <see cref="IMeterFactory"/> (ours and ASP.NET Core's <c>http.server.request.duration</c>), so two
/// servers in one process never add up, and the registry is our own, without prometheus-net's process samples. Our
/// counters go through <see cref="PrometheusCounters"/>, as Prometheus counters rather than the adapter's gauges.
/// </summary>
public sealed class MetricsEndpoint : IDisposable
{
    private readonly IDisposable? _adapter;
    private readonly PrometheusCounters? _counters;

    public MetricsEndpoint(MetricsSettings settings, IMeterFactory meters)
    {
        Enabled = settings.PrometheusEnabled;
        Path = settings.PrometheusPath;
        Registry = Metrics.NewCustomRegistry();
        if (!Enabled) return;
        var factory = Metrics.WithCustomRegistry(Registry);
        _counters = new PrometheusCounters(meters, factory);
        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            // Without a factory of its own the adapter writes to prometheus-net's process-wide default registry.
            MetricFactory = factory,
            InstrumentFilterPredicate = instrument => ReferenceEquals(instrument.Meter.Scope, meters) && !PrometheusCounters.IsOurs(instrument, meters),
        });
    }

    public bool Enabled { get; }

    public string Path { get; }

    public CollectorRegistry Registry { get; }

    public void Dispose()
    {
        _adapter?.Dispose();
        _counters?.Dispose();
    }
}
