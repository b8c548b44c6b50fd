using System.Diagnostics.Metrics;

namespace Konifer.Core.Telemetry;

/// <summary>
/// The stores' instruments: bytes written to the object store and bytes served from it, the deletion outbox's backlog, and store outages by store
/// (<c>metadata</c>, <c>object</c>). Recorded where the bytes move or the outage is seen, whatever the provider.
/// </summary>
public sealed class StoreInstruments
{
    private readonly Counter<long> _stored;
    private readonly Counter<long> _served;
    private readonly Counter<long> _errors;
    private long _outboxBacklog;

    public StoreInstruments(IMeterFactory meters)
    {
        var meter = meters.Create(KoniferTelemetry.Name);
        _stored = meter.CreateCounter<long>("objects.stored", "By", "Bytes written to the object store (originals and variants).");
        _served = meter.CreateCounter<long>("objects.served", "By", "Bytes of content sent to clients.");
        _errors = meter.CreateCounter<long>("store.errors", "{error}", "Store calls that failed because the store was unreachable, by store.");
        meter.CreateObservableGauge("deletion.outbox.backlog", () => Interlocked.Read(ref _outboxBacklog), "{object}",
            "Object deletions waiting in the outbox, as last counted by the deletion worker.");
    }

    public void Stored(long bytes) => _stored.Add(bytes);

    public void Served(long bytes) => _served.Add(bytes);

    public void OutboxBacklog(long count) => Interlocked.Exchange(ref _outboxBacklog, count);

    public void Failed(string store) => _errors.Add(1, new KeyValuePair<string, object?>("store", store));
}
