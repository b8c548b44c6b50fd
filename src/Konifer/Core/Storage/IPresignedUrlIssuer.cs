namespace Konifer.Core.Storage;

/// <summary>
/// An object store that can hand out time-limited URLs for reading an object directly from the store, so that
/// <c>delivery.strategy = presigned</c> sends clients there instead of proxying the bytes. Only stores that can do so
/// register it; without it, links and redirects point at the service's own content URL.
/// </summary>
public interface IPresignedUrlIssuer
{
    /// <summary>
    /// A URL that allows a plain GET of the object for <paramref name="ttl"/> (more than zero, at most seven days)
    /// and when it expires, or null when this store cannot sign one (e.g. it has no credentials). The object need not exist.
    /// </summary>
    ValueTask<PresignedUrl?> TryPresignAsync(ObjectLocation location, TimeSpan ttl, CancellationToken cancellationToken);
}
