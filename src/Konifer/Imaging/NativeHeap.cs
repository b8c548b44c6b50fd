using System.Runtime.InteropServices;

namespace Konifer.Imaging;

/// <summary>
/// glibc's malloc, where libvips and the codecs allocate their working memory. Calls are no-ops where glibc is absent (musl,
/// macOS, Windows).
/// </summary>
public static class NativeHeap
{
    private static bool _available = OperatingSystem.IsLinux();

    /// <summary>Returns free heap pages of every arena to the operating system (malloc_trim).</summary>
    public static bool Trim() => Call(() => malloc_trim(0) == 1);

    private static bool Call(Func<bool> call)
    {
        if (!_available) return false;
        try
        {
            return call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _available = false;
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
