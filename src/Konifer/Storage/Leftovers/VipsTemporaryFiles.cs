namespace Konifer.Storage.Leftovers;

/// <summary>
/// libvips' own temporary files (<c>vips-{serial}-{random}.v</c> in <c>TMPDIR</c>, for random-access copies of large
/// frames), which it deletes when the image closes, so a crash leaves them. Their names carry nothing of the process
/// that made them and other libvips programs on the host use the same folder, so only age can tell: a file not
/// written for longer than the grace period is taken to be abandoned.
/// </summary>
public static class VipsTemporaryFiles
{
    public const string Pattern = "vips-*.v";

    public static LeftoverCount RemoveOlderThan(string folder, DateTimeOffset cutoff)
    {
        var removed = default(LeftoverCount);
        var directory = new DirectoryInfo(folder);
        if (!directory.Exists) return removed;
        foreach (var file in directory.EnumerateFiles(Pattern))
            if (file.LastWriteTimeUtc < cutoff.UtcDateTime) removed += LeftoverCount.DeleteFile(file);
        return removed;
    }
}
