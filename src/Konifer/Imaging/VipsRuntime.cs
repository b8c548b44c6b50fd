namespace Konifer.Imaging;

/// <summary>Checks once that the system libvips loaded, so a missing library is a clear start-up error.</summary>
public static class VipsRuntime
{
    public static void EnsureAvailable()
    {
        if (!NetVips.ModuleInitializer.VipsInitialized)
            throw new InvalidOperationException(
                "libvips could not be loaded (" + NetVips.ModuleInitializer.Exception?.Message +
                "). Install Debian's libvips42 (scripts/install-deps does it) and start again.");
    }

    public static string Version => $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";
}
