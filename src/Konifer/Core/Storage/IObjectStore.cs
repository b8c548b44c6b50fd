namespace Konifer.Core.Storage;

/// <summary>A dumb key/value store for bytes, one namespace per bucket. Content always moves as streams.</summary>
public interface IObjectStore
{
    /// <summary>Stores the stream under the location, replacing nothing half-written: readers see all or nothing.</summary>
    Task PutAsync(ObjectLocation location, Stream content, long? length, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens the object for reading, or null when it does not exist. The caller disposes the result.</summary>
    Task<StoredObject?> GetAsync(ObjectLocation location, CancellationToken cancellationToken);

    /// <summary>Removes the object. Deleting a missing object succeeds (idempotent).</summary>
    Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(ObjectLocation location, CancellationToken cancellationToken);
}
