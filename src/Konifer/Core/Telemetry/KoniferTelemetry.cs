using System.Diagnostics;

namespace Konifer.Core.Telemetry;

/// <summary>
/// The one name of our meter and activity source. Instruments are created through the host's <c>IMeterFactory</c>
/// (one meter per server, so two servers in one process count apart); spans come from the one source below. Both are
/// BCL types: the domain records, and only Observability/ decides where it goes (Prometheus, OTLP, nowhere).
/// Instrument names carry no prefix (<c>cache.lookups</c>): the meter is the namespace, and Prometheus shows them as
/// <c>konifer_cache_lookups</c>.
/// </summary>
public static class KoniferTelemetry
{
    public const string Name = "Konifer";

    public static readonly ActivitySource Activities = new(Name);
}
