using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Konifer.Core.Telemetry;
using Prometheus;

namespace Konifer.Observability;

/// <summary>
/// Publishes our own <see cref="Counter{T}"/> instruments as Prometheus counters (<c>konifer_cache_lookups_total</c>,
/// <c>konifer_objects_stored_bytes_total</c>), which <c>rate()</c> and <c>increase()</c> are made for.
/// Written by hand because prometheus-net's meter adapter publishes every .NET counter as a gauge on purpose (a
/// library's meter may be re-created and restart at zero), and OpenTelemetry's Prometheus exporter is still a beta.
/// Ours live as long as the host, so they only ever grow. Histograms and gauges stay with the adapter.
/// </summary>
public sealed class PrometheusCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly MetricFactory _factory;
    private readonly ConcurrentDictionary<Instrument, (Prometheus.Counter Counter, string[] Labels)> _counters = new();

    public PrometheusCounters(IMeterFactory meters, MetricFactory factory)
    {
        _factory = factory;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (IsOurs(instrument, meters)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>A counter of our meter in this host: published here, so the adapter must leave it out.</summary>
    public static bool IsOurs(Instrument instrument, IMeterFactory meters) =>
        instrument is Counter<long> or Counter<double> && instrument.Meter.Name == KoniferTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meters);

    /// <summary><c>cache.lookups</c> → <c>konifer_cache_lookups_total</c>; a byte or second unit is named before <c>_total</c>.</summary>
    public static string NameOf(Instrument instrument)
    {
        var unit = instrument.Unit switch { "By" => "_bytes", "s" => "_seconds", _ => "" };
        return "konifer_" + instrument.Name.Replace('.', '_') + unit + "_total";
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (value < 0) return; // a counter never goes down; a negative add would be a bug upstream
        if (!_counters.TryGetValue(instrument, out var entry)) entry = _counters.GetOrAdd(instrument, Create, tags.ToArray());
        var (counter, labels) = entry;
        if (labels.Length == 0)
        {
            counter.Inc(value);
            return;
        }
        var values = new string[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            values[i] = "";
            foreach (var tag in tags)
                if (tag.Key == labels[i]) values[i] = tag.Value?.ToString() ?? "";
        }
        counter.WithLabels(values).Inc(value);
    }

    /// <summary>The label names are those of the first measurement: each of our instruments always records the same tags.</summary>
    private (Prometheus.Counter, string[]) Create(Instrument instrument, KeyValuePair<string, object?>[] tags)
    {
        var labels = tags.Select(t => t.Key).Order(StringComparer.Ordinal).ToArray();
        return (_factory.CreateCounter(NameOf(instrument), instrument.Description ?? instrument.Name, labels), labels);
    }

    public void Dispose() => _listener.Dispose();
}
