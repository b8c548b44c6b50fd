using Konifer.Core.Sources;
using Konifer.Core.Storage;

namespace Konifer.Sources;

/// <summary>
/// Streams a source's body into a private temporary file, counting bytes as they arrive: a body past
/// <c>source.url.max-bytes</c> is cut off at the limit whatever length it declared. Shared by URL and S3 sources.
/// </summary>
internal static class SourceSpool
{
    public static async Task<TemporaryFile> ToFileAsync(Stream body, long maxBytes, SourceDeadlines deadlines)
    {
        var file = TemporaryFile.Reserve();
        try
        {
            await using (var target = new FileStream(file.FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                long written = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, deadlines.Restart())) > 0)
                {
                    written += read;
                    if (written > maxBytes) throw TooLarge("sent more", maxBytes);
                    await target.WriteAsync(buffer.AsMemory(0, read), deadlines.Token);
                }
                if (written == 0) throw new UrlSourceException(UrlSourceFailure.UpstreamStatus, "The asset source answered with an empty body.");
            }
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The reference's message first, then what was too large and the setting that says so.</summary>
    public static UrlSourceException TooLarge(string what, long maxBytes) =>
        new(UrlSourceFailure.TooLarge, $"Remote asset too large: the source {what} than source.url.max-bytes ({maxBytes} bytes) allows.");
}
