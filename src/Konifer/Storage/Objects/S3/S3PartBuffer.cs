using System.Buffers;

namespace Konifer.Storage.Objects.S3;

/// <summary>
/// One upload part read from the source into pooled memory. Reading a whole part before sending it means a source
/// that breaks midway never reaches S3 as a short object, and a small upload needs only as much memory as it has.
/// </summary>
internal sealed class S3PartBuffer : IDisposable
{
    private const int InitialSize = 256 * 1024;

    private byte[] _buffer;

    private S3PartBuffer(byte[] buffer) => _buffer = buffer;

    public int Count { get; private set; }

    /// <summary>True when the source ended before the part was full: this is the last part.</summary>
    public bool IsLast { get; private set; }

    /// <summary>Reads up to <paramref name="partSize"/> bytes; fewer only at the end of the source.</summary>
    public static async Task<S3PartBuffer> ReadAsync(Stream source, int partSize, long? remaining, CancellationToken cancellationToken)
    {
        var initial = remaining is { } known ? (int)Math.Min(known + 1, partSize) : Math.Min(InitialSize, partSize);
        var part = new S3PartBuffer(ArrayPool<byte>.Shared.Rent(Math.Max(initial, 1)));
        try
        {
            while (part.Count < partSize)
            {
                if (part.Count == part._buffer.Length) part.Grow(partSize);
                var room = Math.Min(part._buffer.Length, partSize) - part.Count;
                var read = await source.ReadAsync(part._buffer.AsMemory(part.Count, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    part.IsLast = true;
                    break;
                }
                part.Count += read;
            }
            return part;
        }
        catch
        {
            part.Dispose();
            throw;
        }
    }

    /// <summary>A read-only view for one request; the SDK may rewind it to retry.</summary>
    public MemoryStream AsStream() => new(_buffer, 0, Count, writable: false);

    private void Grow(int partSize)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, partSize));
        _buffer.AsSpan(0, Count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}
