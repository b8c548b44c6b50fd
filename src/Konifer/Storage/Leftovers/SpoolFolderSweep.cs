using Konifer.Core.Storage;

namespace Konifer.Storage.Leftovers;

/// <summary>
/// Removes from the shared temporary root what no live process owns: the folders of dead processes (their lock is
/// free), and anything else there older than the cut-off: a folder whose lock file was never created (its owner died
/// while claiming it) and loose files that versions before per-process folders spooled straight into the root.
/// </summary>
public static class SpoolFolderSweep
{
    public static LeftoverCount RemoveAbandoned(string root, DateTimeOffset cutoff)
    {
        var removed = default(LeftoverCount);
        var directory = new DirectoryInfo(root);
        if (!directory.Exists) return removed;
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder)
                removed += RemoveIfAbandoned(folder, cutoff);
            else if (entry is FileInfo file && file.LastWriteTimeUtc < cutoff.UtcDateTime)
                removed += LeftoverCount.DeleteFile(file);
        }
        return removed;
    }

    private static LeftoverCount RemoveIfAbandoned(DirectoryInfo folder, DateTimeOffset cutoff)
    {
        var lockPath = Path.Combine(folder.FullName, SpoolFolder.LockFileName);
        FileStream? lockFile;
        try
        {
            // FileShare as the owner opens it, so .NET's own lock never refuses the open of a live folder.
            lockFile = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return folder.LastWriteTimeUtc < cutoff.UtcDateTime ? RemoveFolder(folder) : default;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return default; // locked by a live owner (.NET's shared lock refused) or not ours to read
        }
        using (lockFile)
        {
            // Holding the dead owner's lock while deleting keeps a second sweeper on the host off the same folder.
            return FileLock.TryLockExclusive(lockFile.SafeFileHandle) ? RemoveFolder(folder) : default;
        }
    }

    private static LeftoverCount RemoveFolder(DirectoryInfo folder)
    {
        var removed = default(LeftoverCount);
        try
        {
            foreach (var file in folder.EnumerateFiles("*", SearchOption.AllDirectories))
                if (file.Name != SpoolFolder.LockFileName) removed += LeftoverCount.DeleteFile(file);
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: whatever stays is tried again next sweep.
        }
        return removed;
    }
}
