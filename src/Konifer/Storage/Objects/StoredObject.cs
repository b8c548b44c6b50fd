using Microsoft.Win32.SafeHandles;

namespace Konifer.Storage.Objects;

/// <summary>
/// An open object: its content stream and length. Disposing closes it. A store that keeps objects as files opens only
/// the <see cref="File"/> handle; the stream over it is created on first use, so a caller that can read the file
/// itself (the HTTP layer, with positional reads straight into the response) pays for no stream or buffer.
/// </summary>
public sealed class StoredObject : IAsyncDisposable, IDisposable
{
    private Stream? _content;

    public StoredObject(Stream content, long length)
    {
        _content = content;
        Length = length;
    }

    private StoredObject(SafeFileHandle file, long length)
    {
        File = file;
        Length = length;
    }

    /// <summary>An object backed by an open file, read from offset 0; the object owns the handle.</summary>
    public static StoredObject FromFile(SafeFileHandle file, long length) => new(file, length);

    /// <summary>The content from its start. For a file-backed object, an unbuffered stream over <see cref="File"/>.</summary>
    public Stream Content => _content ??= new FileStream(File!, FileAccess.Read, bufferSize: 0);

    public long Length { get; }

    /// <summary>The open file behind the content when the store keeps objects as files, else null.</summary>
    public SafeFileHandle? File { get; }

    public ValueTask DisposeAsync()
    {
        if (_content is not null) return _content.DisposeAsync();
        File?.Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (_content is not null) _content.Dispose();
        else File?.Dispose();
    }
}
