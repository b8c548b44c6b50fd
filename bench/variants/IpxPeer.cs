using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Konifer.Bench.Variants;

/// <summary>
/// ipx (sharp on libvips) on loopback, started and stopped with bench/peers/start-ipx and stop-ipx. It is stopped on
/// dispose, at process exit and on SIGINT/SIGTERM; start-ipx also watches this process' id, so even a killed
/// benchmark leaves no server behind.
/// </summary>
internal sealed class IpxPeer : IAsyncDisposable
{
    private readonly string _stateDirectory;
    private readonly List<PosixSignalRegistration> _signals = [];
    private int _stopped;

    private IpxPeer(string stateDirectory, Uri endpoint, string version)
    {
        _stateDirectory = stateDirectory;
        Endpoint = endpoint;
        Version = version;
        Http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromMinutes(5) };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                Console.Error.WriteLine($"{context.Signal}: stopping ipx");
                Stop();
            }));
    }

    public Uri Endpoint { get; }
    public string Version { get; }
    public HttpClient Http { get; }

    /// <summary>Serves the files of <paramref name="directory"/>: <c>{endpoint}/{modifiers}/{file name}</c>.</summary>
    public static async Task<IpxPeer> StartAsync(string directory, string stateDirectory)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo(Path.Combine(root, "bench/peers/start-ipx"), [directory])
        {
            RedirectStandardOutput = true,
            Environment = { ["IPX_STATE_DIR"] = stateDirectory, ["IPX_PARENT_PID"] = Environment.ProcessId.ToString() },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var endpoint = output.Trim().Split('\n').LastOrDefault() ?? "";
        if (process.ExitCode != 0 || !endpoint.StartsWith("http://", StringComparison.Ordinal))
            throw new InvalidOperationException($"bench/peers/start-ipx failed (exit {process.ExitCode}); see its messages above.");
        var package = Path.Combine(root, ".tools/ipx/node_modules/ipx/package.json");
        var sharp = Path.Combine(root, ".tools/ipx/node_modules/sharp/package.json");
        var versions = Directory.EnumerateDirectories(Path.Combine(root, ".tools/ipx/node_modules/@img"), "sharp-libvips-*")
            .Select(dir => Path.Combine(dir, "versions.json")).FirstOrDefault(File.Exists);
        var bundled = versions is null ? "?" : BundledVersions(versions, "vips", "aom", "webp", "mozjpeg");
        var version = $"ipx {PackageVersion(package)}, sharp {PackageVersion(sharp)} with its prebuilt {bundled}";
        return new IpxPeer(stateDirectory, new Uri(endpoint), version);
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        Http.Dispose();
        foreach (var signal in _signals) signal.Dispose();
        var stop = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "bench/peers/stop-ipx"))
        {
            Environment = { ["IPX_STATE_DIR"] = _stateDirectory },
        };
        using var process = Process.Start(stop)!;
        process.WaitForExit(TimeSpan.FromSeconds(15));
    }

    private static string PackageVersion(string packageJson)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(packageJson));
        return json.RootElement.GetProperty("version").GetString() ?? "?";
    }

    /// <summary>"vips 8.17.3, aom 3.13.1, …" from the versions.json of sharp's prebuilt libvips package.</summary>
    private static string BundledVersions(string versionsJson, params string[] names)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(versionsJson));
        return string.Join(", ", names.Where(n => json.RootElement.TryGetProperty(n, out _))
            .Select(n => $"{(n == "vips" ? "libvips" : n)} {json.RootElement.GetProperty(n).GetString()}"));
    }

    /// <summary>The folder with Konifer.slnx above this tool's binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Konifer.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Konifer.slnx not found above " + AppContext.BaseDirectory);
    }
}
