using Konifer.Core.Storage;
using Konifer.Storage.Leftovers;

namespace Konifer.Storage.Objects;

/// <summary>
/// Objects as files: <c>{mount}/{bucket}/{key}</c>, bucket directories created on demand. A put streams into a
/// temporary file beside the target, flushes it to disk and renames it over the key, so a reader (or a crash) never
/// sees a half-written object; the temporary file is removed when the copy fails or is cancelled.
/// </summary>
public sealed class FileSystemObjectStore : IObjectStore
{
    private const int BufferSize = 81920;

    private readonly string _root;
    private readonly OpenFileCache _openFiles = new(TimeSpan.FromSeconds(2), capacity: 256);

    public FileSystemObjectStore(string mountPath)
    {
        if (string.IsNullOrWhiteSpace(mountPath)) throw new ArgumentException("The mount path is empty.", nameof(mountPath));
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(mountPath));
    }

    /// <summary>The absolute mount directory.</summary>
    public string MountPath => _root;

    public async Task PutAsync(ObjectLocation location, Stream content, long? length, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (directory, file) = Resolve(location);
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, ObjectLocationRules.TemporaryPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = BufferSize,
                PreallocationSize = length is > 0 ? length.Value : 0,
            };
            var output = new FileStream(temporary, options);
            await using (output.ConfigureAwait(false))
            {
                await content.CopyToAsync(output, BufferSize, cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, file, overwrite: true);
            _openFiles.Forget(file);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public Task<StoredObject?> GetAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        var (_, file) = Resolve(location);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // A handle, not a FileStream: the HTTP layer reads it positionally into the response.
            return Task.FromResult<StoredObject?>(_openFiles.Open(file));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredObject?>(null);
        }
    }

    public Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        var (_, file) = Resolve(location);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            File.Delete(file);
            _openFiles.Forget(file);
        }
        catch (DirectoryNotFoundException)
        {
            // The bucket was never created, so the object is not there: deleting is idempotent.
        }
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        var (_, file) = Resolve(location);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(file));
    }

    /// <summary>
    /// Removes the temporary files of puts that a crash interrupted: <c>.tmp-*</c> files in any bucket not written
    /// since <paramref name="cutoff"/>. Other instances on a shared mount may be writing theirs right now, and nothing
    /// in a name says whose it is, so only the age (the last write, which a running put keeps moving) tells.
    /// </summary>
    public LeftoverCount RemoveAbandonedTemporaryFiles(DateTimeOffset cutoff)
    {
        var removed = default(LeftoverCount);
        var root = new DirectoryInfo(_root);
        if (!root.Exists) return removed;
        foreach (var bucket in root.EnumerateDirectories())
        foreach (var file in bucket.EnumerateFiles(ObjectLocationRules.TemporaryPrefix + "*"))
            if (file.LastWriteTimeUtc < cutoff.UtcDateTime) removed += LeftoverCount.DeleteFile(file);
        return removed;
    }

    /// <summary>The bucket directory and object file of a location, refusing anything that would leave the mount.</summary>
    private (string Directory, string File) Resolve(ObjectLocation location)
    {
        ObjectLocationRules.Validate(location);
        var directory = Path.GetFullPath(Path.Combine(_root, location.Bucket));
        var file = Path.GetFullPath(Path.Combine(directory, location.Key));
        var rootWithSeparator = Path.EndsInDirectorySeparator(_root) ? _root : _root + Path.DirectorySeparatorChar;
        if (!directory.StartsWith(rootWithSeparator, StringComparison.Ordinal) ||
            !string.Equals(Path.GetDirectoryName(file), directory, StringComparison.Ordinal))
            throw new InvalidObjectKeyException($"The object '{location.Bucket}/{location.Key}' resolves outside the mount path.");
        return (directory, file);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the failure that got us here matters more than a leftover temporary file.
        }
    }
}
