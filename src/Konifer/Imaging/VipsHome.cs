namespace Konifer.Imaging;

/// <summary>
/// Keeps an unrelated VIPSHOME from costing codecs. libvips looks for its modules (AVIF/HEIC, JPEG XL) below
/// VIPSHOME when it is set, and any parent process may have set it for a libvips of its own (Node's sharp sets
/// VIPSHOME=/target). Must run before anything touches NetVips, whose module initialiser calls vips_init.
/// </summary>
public static class VipsHome
{
    /// <summary>The VIPSHOME that was removed because it holds no modules for this libvips; null when none was.</summary>
    public static string? Ignored { get; private set; }

    /// <summary>Where libvips would have looked below the ignored VIPSHOME.</summary>
    public static string? IgnoredFolder { get; private set; }

    /// <summary>Removes VIPSHOME from the native environment when it holds no vips-modules folder for this libvips.</summary>
    public static void Repair()
    {
        var home = NativeEnvironment.Get("VIPSHOME");
        if (home is null) return;
        var folders = VipsModuleFolder.OfSystemLibrary();
        if (folders is null) return; // no libvips at all: VipsRuntime reports that at start-up
        var searched = folders.For(home);
        if (Directory.Exists(searched)) return; // a deliberate VIPSHOME of a libvips installed there: respect it
        NativeEnvironment.Remove("VIPSHOME");
        Ignored = home;
        IgnoredFolder = searched;
    }
}
