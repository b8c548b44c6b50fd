using System.Diagnostics;
using Konifer.Core.Storage;
using Konifer.Core.Telemetry;

namespace Konifer.Storage.Objects;

/// <summary>
/// Wraps the configured object store once, so every provider gets the same span per call, bytes-stored count and
/// outage count without each store repeating them. Everything else (the open file of a stored object) passes through.
/// </summary>
public sealed class InstrumentedObjectStore(IObjectStore inner, StoreInstruments instruments, string provider) : IObjectStore
{
    /// <summary>The store this one wraps (some services ask the filesystem store for its own housekeeping).</summary>
    public IObjectStore Inner => inner;

    public async Task PutAsync(ObjectLocation location, Stream content, long? length, string contentType, CancellationToken cancellationToken)
    {
        using var span = Start("put", location);
        var counted = content.CanSeek ? content.Length - content.Position : length;
        await Observe(() => inner.PutAsync(location, content, length, contentType, cancellationToken), span);
        instruments.Stored(counted ?? length ?? 0);
    }

    public async Task<StoredObject?> GetAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        using var span = Start("get", location);
        StoredObject? found = null;
        await Observe(async () => found = await inner.GetAsync(location, cancellationToken), span);
        return found;
    }

    public async Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        using var span = Start("delete", location);
        await Observe(() => inner.DeleteAsync(location, cancellationToken), span);
    }

    public async Task<bool> ExistsAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        using var span = Start("exists", location);
        var exists = false;
        await Observe(async () => exists = await inner.ExistsAsync(location, cancellationToken), span);
        return exists;
    }

    private Activity? Start(string operation, ObjectLocation location)
    {
        var span = KoniferTelemetry.Activities.StartActivity("konifer.object-store." + operation, ActivityKind.Client);
        span?.SetTag("konifer.object-store.provider", provider);
        span?.SetTag("konifer.object-store.bucket", location.Bucket);
        return span;
    }

    private async Task Observe(Func<Task> call, Activity? span)
    {
        try
        {
            await call();
        }
        catch (Exception e)
        {
            if (e is ObjectStoreUnavailableException) instruments.Failed("object");
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }
}
