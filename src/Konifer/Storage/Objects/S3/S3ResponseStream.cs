using Amazon.Runtime;
using Amazon.S3.Model;
using Konifer.Core.Storage;

namespace Konifer.Storage.Objects.S3;

/// <summary>
/// The body of a GetObject response that disposes the whole response (and so returns its HTTP connection to the
/// pool) when the reader is done, since callers of the port only know about a stream. For the same reason the SDK's
/// own errors while the body arrives (e.g. a checksum that does not match) leave as
/// <see cref="ObjectStoreUnavailableException"/>: the store could not deliver the object.
/// </summary>
internal sealed class S3ResponseStream(GetObjectResponse response) : Stream
{
    private readonly Stream _body = response.ResponseStream;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => response.ContentLength;
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _body.Read(buffer);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException)
        {
            throw BrokenOff(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException)
        {
            throw BrokenOff(e);
        }
    }

    public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        try
        {
            await _body.CopyToAsync(destination, bufferSize, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException)
        {
            throw BrokenOff(e);
        }
    }

    private ObjectStoreUnavailableException BrokenOff(Exception e) =>
        new($"The object store failed while sending {response.BucketName}/{response.Key}: {e.Message}", e);

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) response.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _body.DisposeAsync().ConfigureAwait(false);
        response.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
