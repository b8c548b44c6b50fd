using System.IO.Pipelines;
using Microsoft.Win32.SafeHandles;

namespace Konifer.Http;

/// <summary>
/// Writes an open file into a response with positional reads straight into the response's pipe memory: no stream, no
/// intermediate buffer, one <c>pread</c> per chunk. The reads are synchronous on purpose: on Linux an asynchronous
/// file read is the same <c>pread</c> queued to another thread-pool thread, and the hop cost more than the read of a
/// page-cached variant.
/// </summary>
internal static class FileResponseBody
{
    // Large enough for a typical variant in one read and one flush; bounded so big files keep back-pressure.
    private const int ChunkSize = 64 * 1024;

    public static async Task WriteAsync(PipeWriter writer, SafeFileHandle file, long length, CancellationToken cancellationToken)
    {
        long offset = 0;
        while (offset < length)
        {
            var want = (int)Math.Min(length - offset, ChunkSize);
            var memory = writer.GetMemory(want);
            var read = RandomAccess.Read(file, memory.Span[..Math.Min(want, memory.Length)], offset);
            if (read == 0) throw new IOException($"The file ended after {offset} of {length} bytes.");
            writer.Advance(read);
            offset += read;
            var flushed = await writer.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled) return;
        }
    }
}
