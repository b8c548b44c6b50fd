namespace Konifer.Http.Uploads;

/// <summary>Upload bytes spooled to a private temporary file; disposing deletes the file.</summary>
public sealed class SpooledFile : IAsyncDisposable
{
    private SpooledFile(string path) => FilePath = path;

    public string FilePath { get; }
    public long Length { get; private set; }

    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "konifer-uploads")).FullName;

    /// <summary>Copies <paramref name="source"/> to a new temporary file, failing as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<SpooledFile> CreateAsync(Stream source, long maxBytes, Func<long, Exception> tooLarge, CancellationToken cancellationToken)
    {
        var spooled = new SpooledFile(Path.Combine(Directory, Guid.NewGuid().ToString("N")));
        try
        {
            await using var target = new FileStream(spooled.FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                spooled.Length += read;
                if (spooled.Length > maxBytes) throw tooLarge(maxBytes);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            return spooled;
        }
        catch
        {
            await spooled.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        try { File.Delete(FilePath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
