namespace Konifer.Imaging;

/// <summary>
/// Checks once that the system libvips loaded, blocks the loaders the service does not use and proves that every
/// advertised format can be read and written, so a missing library or codec is a clear start-up error instead of
/// a 500 on the first AVIF request.
/// </summary>
public static class VipsRuntime
{
    private static readonly Lazy<VipsCodecReport> Codecs = new(() => VipsCodecCheck.Run(VipsCodec.Advertised));

    public static void EnsureAvailable()
    {
        if (!NetVips.ModuleInitializer.VipsInitialized)
            throw new InvalidOperationException(
                "libvips could not be loaded (" + NetVips.ModuleInitializer.Exception?.Message +
                "). Install Debian's libvips42 (scripts/install-deps does it) and start again.");
        VipsMessages.Capture();
        VipsLoaderPolicy.Apply();
        var report = Codecs.Value;
        if (!report.Complete)
            throw new VipsStartupException(MissingCodecsMessage(report));
    }

    public static string Version => $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";

    /// <summary>What start-up found, for the log. Call after <see cref="EnsureAvailable"/>.</summary>
    public static VipsRuntimeSummary Summary()
    {
        var folder = ModuleFolder();
        return new VipsRuntimeSummary(Version, folder ?? "(unknown)",
            folder is null ? [] : VipsModuleFolder.LoadedFrom(folder), Codecs.Value.Working, VipsLoaderPolicy.AllowedLoaderClasses);
    }

    internal static string MissingCodecsMessage(VipsCodecReport report)
    {
        var home = NativeEnvironment.Get("VIPSHOME");
        var folder = ModuleFolder();
        var cause = folder is null
            ? "the libvips module folder could not be located"
            : !Directory.Exists(folder)
                ? home is not null && folder != VipsModuleFolder.OfSystemLibrary()?.Default
                    ? $"VIPSHOME={home} holds no {Path.GetFileName(folder)} (libvips looked in {folder})"
                    : $"libvips looks for its modules in {folder}, which does not exist"
                : $"libvips loaded {ModuleList(folder)} from {folder}" +
                  (home is null ? "" : $" (VIPSHOME={home})");
        return $"libvips {Version} lacks codecs the service advertises: {string.Join("; ", report.Missing)}. Likely cause: {cause}. " +
               "Install Debian's libvips42 with its modules (scripts/install-deps) and start without a foreign VIPSHOME.";
    }

    private static string ModuleList(string folder) =>
        VipsModuleFolder.LoadedFrom(folder) is { Count: > 0 } modules ? string.Join(", ", modules) : "no modules";

    /// <summary>The folder libvips loaded its modules from: libvips sets VIPSHOME itself when it was unset.</summary>
    private static string? ModuleFolder() => VipsModuleFolder.OfSystemLibrary()?.For(NativeEnvironment.Get("VIPSHOME"));
}

/// <summary>The libvips version, where its modules came from, the working codecs and the loaders left unblocked.</summary>
public sealed record VipsRuntimeSummary(string Version, string ModuleFolder, IReadOnlyList<string> Modules,
    IReadOnlyList<string> Codecs, IReadOnlyList<string> AllowedLoaders);
