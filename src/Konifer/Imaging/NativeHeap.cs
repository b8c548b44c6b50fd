using System.Runtime.InteropServices;

namespace Konifer.Imaging;

/// <summary>
/// glibc's malloc, where libvips and the codecs allocate their frames. Calls are no-ops where glibc is absent (musl,
/// macOS, Windows).
/// </summary>
public static class NativeHeap
{
    private const int ArenaMaxParameter = -8; // M_ARENA_MAX in malloc.h

    private static bool _available = OperatingSystem.IsLinux();

    /// <summary>Caps glibc's malloc arenas (M_ARENA_MAX); best called before many threads exist.</summary>
    public static bool LimitArenas(int max) => Call(() => mallopt(ArenaMaxParameter, max) == 1);

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

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
