using System.Runtime.InteropServices;

namespace Konifer.Imaging;

/// <summary>
/// The C library's environment, which native libraries such as libvips read. On Linux .NET keeps its own copy:
/// <see cref="Environment.SetEnvironmentVariable(string, string?)"/> never reaches the native one.
/// </summary>
internal static class NativeEnvironment
{
    public static string? Get(string name) => Marshal.PtrToStringUTF8(getenv(name));

    /// <summary>Removes the variable from both environments, so neither libvips nor child processes see it.</summary>
    public static void Remove(string name)
    {
        if (unsetenv(name) != 0)
            throw new InvalidOperationException($"unsetenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        Environment.SetEnvironmentVariable(name, null);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr getenv(string name);

    [DllImport("libc", SetLastError = true)]
    private static extern int unsetenv(string name);
}
