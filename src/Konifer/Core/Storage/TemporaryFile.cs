namespace Konifer.Core.Storage;

/// <summary>
/// A private temporary file for uploads and generated images, so that no whole asset is ever held in memory.
/// Disposing deletes it.
/// </summary>
public sealed class TemporaryFile : IAsyncDisposable
{
    private TemporaryFile(string path) => FilePath = path;

    public string FilePath { get; }

    public long Length => new FileInfo(FilePath).Length;

    /// <summary>This process's own folder, so that what a crash leaves behind can be told apart and swept (<see cref="SpoolFolder"/>).</summary>
    public static string Directory => SpoolFolder.Current.FolderPath;

    /// <summary>A fresh path in the temporary directory; the file itself is not created.</summary>
    public static TemporaryFile Reserve(string extension = "") => new(Path.Combine(Directory, Guid.NewGuid().ToString("N") + extension));

    /// <summary>Copies <paramref name="source"/> to a new temporary file, failing as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<TemporaryFile> CopyFromAsync(Stream source, long maxBytes, Func<long, Exception> tooLarge, CancellationToken cancellationToken, string extension = "")
    {
        var file = Reserve(extension);
        try
        {
            await using var target = new FileStream(file.FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            long written = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                written += read;
                if (written > maxBytes) throw tooLarge(maxBytes);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        try { File.Delete(FilePath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
