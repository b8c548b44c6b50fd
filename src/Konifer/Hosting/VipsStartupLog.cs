using Konifer.Imaging;

namespace Konifer.Hosting;

/// <summary>Start-up lines about libvips: which version, modules and codecs the server runs with.</summary>
internal static partial class VipsStartupLog
{
    public static void Write(ILogger logger)
    {
        if (VipsHome.Ignored is { } home)
            LogVipsHomeIgnored(logger, home, VipsHome.IgnoredFolder ?? "");
        var summary = VipsRuntime.Summary();
        LogRuntime(logger, summary.Version, string.Join(", ", summary.Modules), summary.ModuleFolder,
            string.Join(", ", summary.Codecs), string.Join(", ", summary.AllowedLoaders));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Ignored VIPSHOME={VipsHome}: it holds no modules for this libvips ({Folder} does not exist), which would have cost AVIF, HEIC and JPEG XL")]
    private static partial void LogVipsHomeIgnored(ILogger logger, string vipsHome, string folder);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "libvips {Version}: modules [{Modules}] from {ModuleFolder}; codecs {Codecs}; every loader but {AllowedLoaders} is blocked")]
    private static partial void LogRuntime(ILogger logger, string version, string modules, string moduleFolder, string codecs, string allowedLoaders);
}
