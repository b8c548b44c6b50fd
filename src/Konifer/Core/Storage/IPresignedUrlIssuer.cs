namespace Konifer.Core.Storage;

/// <summary>
/// An object store that can hand out time-limited URLs for reading an object directly from the store, so that the
/// <c>redirect</c> return format with strategy <c>presigned</c> sends clients there instead of proxying the bytes.
/// Only stores that can do so register it; without it, redirects fall back to serving the content.
/// </summary>
public interface IPresignedUrlIssuer
{
    /// <summary>
    /// A URL that allows a plain GET of the object for <paramref name="ttl"/> (more than zero, at most seven days),
    /// or null when this store cannot sign one (e.g. it has no credentials). The object need not exist.
    /// </summary>
    ValueTask<Uri?> TryPresignAsync(ObjectLocation location, TimeSpan ttl, CancellationToken cancellationToken);
}
