using System.Diagnostics.Metrics;
using Konifer.Core.Images;
using Konifer.Core.Telemetry;

namespace Konifer.Variants;

/// <summary>The variant cache's instruments: lookups (hit or miss, by return format) and generation time by output format.</summary>
public sealed class VariantInstruments
{
    private readonly Counter<long> _lookups;
    private readonly Histogram<double> _generation;

    public VariantInstruments(IMeterFactory meters)
    {
        var meter = meters.Create(KoniferTelemetry.Name);
        _lookups = meter.CreateCounter<long>("cache.lookups", "{lookup}",
            "Variant cache lookups of content reads, by cache status (hit, miss) and return format.");
        _generation = meter.CreateHistogram<double>("generation.duration", "s",
            "Time to make one variant (download, transform, placeholders, store), by output format.");
    }

    public void Lookup(CacheStatus status, ImageFormat format) =>
        _lookups.Add(1, new("status", status == CacheStatus.Hit ? "hit" : "miss"), new("format", format.ShortName()));

    public void Generated(ImageFormat format, TimeSpan elapsed) =>
        _generation.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("format", format.ShortName()));
}
