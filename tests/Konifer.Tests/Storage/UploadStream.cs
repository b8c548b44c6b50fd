namespace Konifer.Tests.Storage;

/// <summary>
/// A forward-only stream like a request body: not seekable, length unknown to the reader, and able to break after
/// a given number of bytes (by throwing, or by cancelling a token the way an aborted request does).
/// </summary>
public sealed class UploadStream(byte[] content, int breakAfter = int.MaxValue, Action? onBreak = null) : Stream
{
    private int _position;
    private bool _broken;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public static UploadStream FailingAfter(byte[] content, int breakAfter) =>
        new(content, breakAfter, () => throw new IOException("The client went away."));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_broken && _position >= breakAfter)
        {
            (onBreak ?? (() => throw new IOException("The client went away.")))();
            _broken = true; // a break that did not throw (e.g. a cancellation) happens once; reading goes on
        }
        // Small chunks, so that a store sees many reads and a break lands in the middle of the copy.
        var limit = _broken ? content.Length : Math.Min(content.Length, breakAfter);
        var count = Math.Min(Math.Min(buffer.Length, 64 * 1024), limit - _position);
        content.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var read = Read(buffer.Span);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
