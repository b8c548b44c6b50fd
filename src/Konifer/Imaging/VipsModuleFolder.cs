using System.Runtime.InteropServices;

namespace Konifer.Imaging;

/// <summary>
/// Where libvips loads its modules (vips-heif.so, vips-jxl.so, …) from, worked out the way libvips 8.14's
/// vips_guess_libdir does, without initialising libvips: with VIPSHOME unset, the folder next to the library; with
/// VIPSHOME equal to the install prefix, the same; with any other VIPSHOME,
/// <c>$VIPSHOME/&lt;last segment of the library folder&gt;/vips-modules-MAJOR.MINOR</c>.
/// </summary>
internal sealed record VipsModuleFolder(string LibraryDirectory, string Prefix, string VersionFolder)
{
    private const string Library = "libvips.so.42";

    /// <summary>The loaded (or loadable) system libvips; null when it cannot be loaded at all.</summary>
    public static VipsModuleFolder? OfSystemLibrary()
    {
        if (!NativeLibrary.TryLoad(Library, out _)) return null;
        var directory = LoadedLibraryDirectory();
        if (directory is null) return null;
        // vips_version only reads compiled-in constants, so it is safe before vips_init.
        return ForLibrary(directory, $"vips-modules-{vips_version(0)}.{vips_version(1)}");
    }

    public static VipsModuleFolder ForLibrary(string libraryDirectory, string versionFolder)
    {
        // /usr/lib/x86_64-linux-gnu → /usr; /opt/vips/lib → /opt/vips (what configure's prefix would have been).
        var index = libraryDirectory.LastIndexOf("/lib", StringComparison.Ordinal);
        var prefix = index > 0 ? libraryDirectory[..index] : "/usr";
        return new VipsModuleFolder(libraryDirectory, prefix, versionFolder);
    }

    public string Default => Path.Combine(LibraryDirectory, VersionFolder);

    /// <summary>The folder libvips searches when VIPSHOME has the given value (null: unset).</summary>
    public string For(string? vipsHome) =>
        vipsHome is null || vipsHome == Prefix
            ? Default
            : Path.Combine(vipsHome, Path.GetFileName(LibraryDirectory), VersionFolder);

    /// <summary>Module files mapped into this process from <paramref name="folder"/>, i.e. those libvips loaded.</summary>
    public static IReadOnlyList<string> LoadedFrom(string folder) =>
        MappedFiles().Where(file => Path.GetDirectoryName(file) == folder).Select(Path.GetFileName).OfType<string>()
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static string? LoadedLibraryDirectory() =>
        MappedFiles().Where(file => Path.GetFileName(file).StartsWith(Library, StringComparison.Ordinal))
            .Select(Path.GetDirectoryName).FirstOrDefault();

    private static IEnumerable<string> MappedFiles()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) yield break;
        foreach (var line in File.ReadLines(maps))
        {
            var slash = line.IndexOf('/');
            if (slash >= 0) yield return line[slash..];
        }
    }

    [DllImport(Library)]
    private static extern int vips_version(int flag);
}
