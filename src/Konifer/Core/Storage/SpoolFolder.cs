namespace Konifer.Core.Storage;

/// <summary>
/// One process's folder for its temporary files, <c>{root}/{pid}-{random}/</c>, below a root that every instance on the
/// host shares. Its <see cref="LockFileName"/> stays locked while the process lives, so a sweeper anywhere on the
/// host can tell a folder a crash left behind (lock free) from one in use (lock held), whatever the PID namespace.
/// </summary>
public sealed class SpoolFolder : IDisposable
{
    public const string LockFileName = "owner.lock";

    private static readonly Lazy<SpoolFolder> ForThisProcess = new(() => Claim(DefaultRoot));

    private readonly FileStream _lock;

    private SpoolFolder(string path, FileStream lockFile)
    {
        FolderPath = path;
        _lock = lockFile;
    }

    /// <summary>Where every instance on the host keeps its folder: <c>$TMPDIR/konifer</c>.</summary>
    public static string DefaultRoot => Path.Combine(Path.GetTempPath(), "konifer");

    /// <summary>This process's folder, claimed on first use and held until the process ends.</summary>
    public static SpoolFolder Current => ForThisProcess.Value;

    public string FolderPath { get; }

    /// <summary>Creates a new folder below <paramref name="root"/> and locks it for as long as the result is not disposed.</summary>
    public static SpoolFolder Claim(string root)
    {
        var path = Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(path);
        var lockFile = new FileStream(Path.Combine(path, LockFileName), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.ReadWrite | FileShare.Delete);
        try
        {
            if (!FileLock.TryLockExclusive(lockFile.SafeFileHandle))
                throw new IOException($"The new temporary folder {path} is locked by someone else.");
            return new SpoolFolder(path, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Releases the lock (the folder then counts as abandoned); only tests and the process's end do this.</summary>
    public void Dispose() => _lock.Dispose();
}
