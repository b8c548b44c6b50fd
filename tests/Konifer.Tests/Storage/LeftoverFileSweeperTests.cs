using System.Diagnostics;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Storage.Leftovers;
using Konifer.Storage.Objects;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Storage;

/// <summary>
/// What a crash (kill -9 during uploads) leaves on disk, made by the test: spool folders of dead processes, the
/// filesystem store's <c>.tmp-*</c> files, libvips' <c>vips-*.v</c> files; the sweep removes those and nothing that a
/// live process, in this one or another, may still own.
/// </summary>
public sealed class LeftoverFileSweeperTests : IDisposable
{
    private static readonly DateTime TwoHoursAgo = DateTime.UtcNow - TimeSpan.FromHours(2);

    private readonly string _folder = KoniferTestServer.CreateTempDirectory();
    private string SpoolRoot => Path.Combine(_folder, "spool");
    private string VipsFolder => Path.Combine(_folder, "vips");
    private string Mount => Path.Combine(_folder, "objects");

    private LeftoverFileSweeper Sweeper(IObjectStore? store = null) =>
        new(store ?? new InMemoryObjectStore(), SweeperSettings(), TimeProvider.System, new CapturingLogger<LeftoverFileSweeper>());

    private LeftoverFileSweeperSettings SweeperSettings() => new() { SpoolRoot = SpoolRoot, VipsTemporaryFolder = VipsFolder };

    [Fact]
    public async Task The_spool_folder_of_a_killed_process_is_removed_and_a_live_ones_stays()
    {
        using var live = SpoolFolder.Claim(SpoolRoot);
        var liveUpload = Write(Path.Combine(live.FolderPath, "upload"), TwoHoursAgo);
        // Another process owns this folder, as a second instance on the host would; then it is killed.
        var crashed = Directory.CreateDirectory(Path.Combine(SpoolRoot, "4242-crashed")).FullName;
        var crashedUpload = Write(Path.Combine(crashed, "upload"), DateTime.UtcNow);
        using var owner = await HoldLockAsync(Path.Combine(crashed, SpoolFolder.LockFileName));

        Assert.Equal(0, Sweeper().SweepOnce().Files);
        Assert.True(File.Exists(crashedUpload));

        owner.Kill(entireProcessTree: true);
        await owner.WaitForExitAsync();
        var removed = Sweeper().SweepOnce();

        Assert.Equal((1, 1000L), (removed.Files, removed.Bytes));
        Assert.False(Directory.Exists(crashed));
        Assert.True(File.Exists(liveUpload)); // however old: its owner lives
    }

    [Fact]
    public void A_folder_released_without_cleaning_up_counts_as_dead_and_so_do_old_loose_files_of_earlier_versions()
    {
        var dead = SpoolFolder.Claim(SpoolRoot);
        Write(Path.Combine(dead.FolderPath, "upload"), DateTime.UtcNow);
        dead.Dispose();
        var oldLoose = Write(Path.Combine(SpoolRoot, "0123abcd"), TwoHoursAgo);
        var freshLoose = Write(Path.Combine(SpoolRoot, "4567ef01"), DateTime.UtcNow);
        var unlockedFresh = Directory.CreateDirectory(Path.Combine(SpoolRoot, "77-claiming")).FullName;

        Sweeper().SweepOnce();

        Assert.False(Directory.Exists(dead.FolderPath));
        Assert.False(File.Exists(oldLoose));
        Assert.True(File.Exists(freshLoose)); // an older version may be writing it now
        Assert.True(Directory.Exists(unlockedFresh)); // its owner may be claiming it now
    }

    [Fact]
    public void This_process_spools_into_its_own_locked_folder_which_no_sweep_removes()
    {
        var spooled = TemporaryFile.Reserve();
        File.WriteAllBytes(spooled.FilePath, new byte[10]);

        // The real root is shared with the child servers other tests start: a cutoff in the future would also take a
        // folder that one of them has just created and not yet locked. A minute back is past any such claim.
        SpoolFolderSweep.RemoveAbandoned(SpoolFolder.DefaultRoot, DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Equal(SpoolFolder.Current.FolderPath, Path.GetDirectoryName(spooled.FilePath));
        Assert.True(File.Exists(spooled.FilePath));
        File.Delete(spooled.FilePath);
    }

    [Fact]
    public async Task Interrupted_puts_of_the_filesystem_store_are_removed_after_the_grace_period()
    {
        var store = new FileSystemObjectStore(Mount);
        var location = ObjectLocation.NewFor("assets", ImageFormat.Png);
        await store.PutAsync(location, new MemoryStream(new byte[10]), 10, "image/png", CancellationToken.None);
        var stored = Path.Combine(Mount, "assets", location.Key);
        File.SetLastWriteTimeUtc(stored, TwoHoursAgo);
        var crashed = Write(Path.Combine(Mount, "assets", ".tmp-crashed"), TwoHoursAgo);
        var running = Write(Path.Combine(Mount, "assets", ".tmp-running"), DateTime.UtcNow);

        Sweeper(store).SweepOnce();

        Assert.False(File.Exists(crashed));
        Assert.True(File.Exists(running)); // another instance on the shared mount may be writing it
        Assert.True(File.Exists(stored));
    }

    [Fact]
    public void Libvips_temporary_files_are_removed_only_once_older_than_the_grace_period()
    {
        var old = Write(Path.Combine(VipsFolder, "vips-0-1234.v"), TwoHoursAgo);
        var fresh = Write(Path.Combine(VipsFolder, "vips-1-5678.v"), DateTime.UtcNow);
        var other = Write(Path.Combine(VipsFolder, "other.v"), TwoHoursAgo);

        Sweeper().SweepOnce();

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(other));
    }

    [Fact]
    public async Task A_starting_server_removes_what_a_crash_left()
    {
        var dead = SpoolFolder.Claim(SpoolRoot);
        var spooled = Write(Path.Combine(dead.FolderPath, "upload"), DateTime.UtcNow);
        dead.Dispose();
        var tmp = Write(Path.Combine(Mount, "assets", ".tmp-crashed"), TwoHoursAgo);
        var vips = Write(Path.Combine(VipsFolder, "vips-3-99.v"), TwoHoursAgo);

        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.FileSystemConfig.Replace("{mount}", Mount),
            services: s => s.AddSingleton(SweeperSettings()));

        // The first sweep runs beside start-up; wait for its outcome, not for a time.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (File.Exists(spooled) || File.Exists(tmp) || File.Exists(vips))
            await Task.Delay(50, deadline.Token);
        Assert.False(Directory.Exists(dead.FolderPath));
    }

    private static string Write(string path, DateTime lastWriteUtc)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[1000]);
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
        return path;
    }

    /// <summary>A separate process (util-linux flock) that holds the lock until killed.</summary>
    /// <summary>
    /// A second process holding the lock, as another instance on the host would. --no-fork: one process owns the
    /// lock's file descriptor, so the lock is surely gone once that process has exited (with a forked child, the child
    /// could still hold it for a moment after the parent died).
    /// </summary>
    private static async Task<Process> HoldLockAsync(string lockFile)
    {
        var process = Process.Start(new ProcessStartInfo("flock", ["--no-fork", "-x", lockFile, "-c", "echo locked; exec sleep 600"])
        {
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("locked", await process.StandardOutput.ReadLineAsync());
        return process;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
