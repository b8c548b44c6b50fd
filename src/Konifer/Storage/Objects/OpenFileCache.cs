using System.Collections.Concurrent;
using Konifer.Core.Storage;
using Microsoft.Win32.SafeHandles;

namespace Konifer.Storage.Objects;

/// <summary>
/// Read handles of recently served files, shared between readers for a short <c>lifetime</c> after opening. Serving a
/// cached variant spent about a tenth of its CPU opening, locking (.NET's advisory flock), stat-ing and closing the
/// same file per request; positional reads let any number of readers share one handle. Each reader holds a reference
/// on the handle, so a handle replaced or forgotten here closes only when its last reader is done.
/// The store forgets a file when it deletes or replaces it; a change made behind its back is seen within the lifetime.
/// </summary>
internal sealed class OpenFileCache(TimeSpan lifetime, int capacity)
{
    private sealed record Entry(SafeFileHandle Handle, long Length, long OpenedAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly long _lifetimeMs = (long)lifetime.TotalMilliseconds;

    /// <summary>The file as an object sharing a cached handle; throws as <see cref="File.OpenHandle"/> when it cannot be opened.</summary>
    public StoredObject Open(string path)
    {
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(path, out var cached) && now - cached.OpenedAt < _lifetimeMs && TryLease(cached) is { } leased)
            return leased;

        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        Entry fresh;
        try
        {
            fresh = new Entry(handle, RandomAccess.GetLength(handle), now);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        var lease = TryLease(fresh)!;
        var stored = cached is null ? _entries.TryAdd(path, fresh) : _entries.TryUpdate(path, fresh, cached);
        if (!stored) fresh.Handle.Dispose(); // another reader cached its own; ours closes with this lease
        else
        {
            cached?.Handle.Dispose();
            if (_entries.Count > capacity) Trim(now);
        }
        return lease;
    }

    /// <summary>Drops the cached handle of a file the store is about to change or has changed.</summary>
    public void Forget(string path)
    {
        if (_entries.TryRemove(path, out var entry)) entry.Handle.Dispose();
    }

    private static StoredObject? TryLease(Entry entry)
    {
        var added = false;
        try
        {
            entry.Handle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            return null; // replaced or forgotten meanwhile: open afresh
        }
        return StoredObject.FromFile(entry.Handle, entry.Length, entry.Handle.DangerousRelease);
    }

    /// <summary>Closes expired handles, then any others beyond the capacity (file descriptors are a limited resource).</summary>
    private void Trim(long now)
    {
        foreach (var (path, entry) in _entries)
            if (now - entry.OpenedAt >= _lifetimeMs || _entries.Count > capacity)
                if (_entries.TryRemove(new KeyValuePair<string, Entry>(path, entry))) entry.Handle.Dispose();
    }
}
