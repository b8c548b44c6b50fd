using Microsoft.Win32.SafeHandles;

namespace Konifer.Core.Storage;

/// <summary>
/// A read-only, seekable stream over an open file of known length, reading with positional reads. Disposing it
/// leaves the handle open: the handle belongs to whoever opened it (see <see cref="StoredObject"/>).
/// </summary>
internal sealed class FileHandleStream(SafeFileHandle file, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = RandomAccess.Read(file, buffer[..Remaining(buffer.Length)], _position);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await RandomAccess.ReadAsync(file, buffer[..Remaining(buffer.Length)], _position, cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    /// <summary>How much of a read of <paramref name="wanted"/> bytes lies before the end (the length when opened).</summary>
    private int Remaining(int wanted) => (int)Math.Clamp(length - _position, 0, wanted);

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
