using Microsoft.Win32.SafeHandles;

namespace Konifer.Core.Storage;

/// <summary>
/// An open object: its content stream and length. Disposing closes it. A store that keeps objects as files hands out
/// the <see cref="File"/> handle; the stream over it is created on first use, so a caller that reads the file itself
/// (the HTTP layer, with positional reads straight into the response) pays for no stream or buffer.
/// </summary>
public sealed class StoredObject : IAsyncDisposable, IDisposable
{
    private readonly Action? _release;
    private Stream? _content;
    private int _disposed;

    public StoredObject(Stream content, long length)
    {
        _content = content;
        Length = length;
    }

    private StoredObject(SafeFileHandle file, long length, Action? release)
    {
        File = file;
        Length = length;
        _release = release;
    }

    /// <summary>
    /// An object backed by an open file, read from offset 0. Disposing the object runs <paramref name="release"/>
    /// (a handle shared between readers), or closes the handle when there is none.
    /// </summary>
    public static StoredObject FromFile(SafeFileHandle file, long length, Action? release = null) => new(file, length, release);

    /// <summary>The content from its start; for a file-backed object, a stream of positional reads over <see cref="File"/>.</summary>
    public Stream Content => _content ??= new FileHandleStream(File!, Length);

    public long Length { get; }

    /// <summary>The open file behind the content when the store keeps objects as files, else null.</summary>
    public SafeFileHandle? File { get; }

    public ValueTask DisposeAsync()
    {
        if (File is null) return _content!.DisposeAsync();
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (File is null)
        {
            _content!.Dispose();
            return;
        }
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (_release is not null) _release();
        else File.Dispose();
    }
}
