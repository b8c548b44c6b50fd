using System.Collections.Concurrent;
using Konifer.Core.Storage;

namespace Konifer.Storage.Objects;

/// <summary>
/// The development object store: objects live in process memory and vanish on restart. A put stores its bytes only
/// once the source stream has been read to its end, so readers see the old object or the whole new one, never part.
/// Bucket and key rules are the same as on the persistent stores.
/// </summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), byte[]> _objects = new();

    public async Task PutAsync(ObjectLocation location, Stream content, long? length, string contentType, CancellationToken cancellationToken)
    {
        ObjectLocationRules.Validate(location);
        ArgumentNullException.ThrowIfNull(content);
        var capacity = length is > 0 and <= int.MaxValue ? (int)length.Value : 0;
        using var buffer = new MemoryStream(capacity);
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        _objects[(location.Bucket, location.Key)] = buffer.ToArray();
    }

    public Task<StoredObject?> GetAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        ObjectLocationRules.Validate(location);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_objects.TryGetValue((location.Bucket, location.Key), out var bytes)) return Task.FromResult<StoredObject?>(null);
        var stream = new MemoryStream(bytes, writable: false);
        return Task.FromResult<StoredObject?>(new StoredObject(stream, bytes.LongLength));
    }

    public Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        ObjectLocationRules.Validate(location);
        cancellationToken.ThrowIfCancellationRequested();
        _objects.TryRemove((location.Bucket, location.Key), out _);
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        ObjectLocationRules.Validate(location);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_objects.ContainsKey((location.Bucket, location.Key)));
    }
}
