using Konifer.Background;
using Konifer.Core.Storage;
using Konifer.Storage.Objects;
using Microsoft.Extensions.Logging;

namespace Konifer.Storage.Leftovers;

/// <summary>
/// Removes the files a crashed process leaves on disk, at start-up and then every <see cref="LeftoverFileSweeperSettings.Interval"/>:
/// the spool folders of dead processes (uploads, downloads, generated images), the filesystem store's interrupted
/// <c>.tmp-*</c> puts and libvips' temporary files, each only when no running instance can still own it.
/// </summary>
public sealed partial class LeftoverFileSweeper(
    IObjectStore objectStore,
    LeftoverFileSweeperSettings settings,
    TimeProvider clock,
    ILogger<LeftoverFileSweeper> logger) : PeriodicBackgroundService(clock, logger)
{
    protected override TimeSpan Interval => settings.Interval;

    protected override string Activity => "Removing leftover temporary files";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        Task.Run(() => SweepOnce(), cancellationToken);

    /// <summary>One sweep of all three places; what it removed.</summary>
    public LeftoverCount SweepOnce()
    {
        var cutoff = Clock.GetUtcNow() - settings.GracePeriod;
        var spool = SpoolFolderSweep.RemoveAbandoned(settings.SpoolRoot ?? SpoolFolder.DefaultRoot, cutoff);
        Report("spool folder", spool);
        var objects = (objectStore is InstrumentedObjectStore instrumented ? instrumented.Inner : objectStore) is FileSystemObjectStore files ? files.RemoveAbandonedTemporaryFiles(cutoff) : default;
        Report("filesystem object store", objects);
        var vips = VipsTemporaryFiles.RemoveOlderThan(settings.VipsTemporaryFolder ?? Path.GetTempPath(), cutoff);
        Report("libvips temporary folder", vips);
        return spool + objects + vips;
    }

    private void Report(string place, LeftoverCount removed)
    {
        if (removed.Files > 0) LogRemoved(Logger, removed.Files, removed.Bytes, place);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Files} leftover temporary file(s), {Bytes} bytes, from the {Place}.")]
    private static partial void LogRemoved(ILogger logger, int files, long bytes, string place);
}
