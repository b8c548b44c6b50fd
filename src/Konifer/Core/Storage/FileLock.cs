using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Konifer.Core.Storage;

/// <summary>
/// flock(2) called directly, so that ownership does not depend on .NET's own file locking (which an operator can switch
/// off). The kernel drops the lock when its holder dies, however it dies, which is what makes it a proof of life.
/// </summary>
internal static class FileLock
{
    private const int LockExclusive = 2;
    private const int NonBlocking = 4;
    private const int WouldBlock = 11; // EWOULDBLOCK on Linux

    /// <summary>Takes an exclusive lock without waiting; false when another open file holds it.</summary>
    public static bool TryLockExclusive(SafeFileHandle handle)
    {
        if (flock(handle, LockExclusive | NonBlocking) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno == WouldBlock) return false;
        throw new IOException($"flock failed with errno {errno}.");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int flock(SafeFileHandle fd, int operation);
}
