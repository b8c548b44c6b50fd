using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of one test (scripts/start-postgres in its own directory) that the test may stop and start
/// again on the same port with its data kept, as a database restart or failover would look to the service.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "konifer-pg-faults-" + Guid.NewGuid().ToString("N")[..12]);

    public string ConnectionString { get; private set; } = "";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var postgres = new PrivatePostgres();
        postgres.ConnectionString = await postgres.StartClusterAsync();
        return postgres;
    }

    /// <summary>Shuts the server down (fast: sessions are ended) and keeps its data directory.</summary>
    public async Task StopAsync()
    {
        // The newest installed version, as scripts/start-postgres picks it.
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Where(d => int.TryParse(Path.GetFileName(d), out _) && File.Exists(Path.Combine(d, "bin", "pg_ctl")))
            .OrderBy(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => Path.Combine(d, "bin")).Last();
        string[] stop = [Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-m", "fast", "-w", "stop"];
        // As root the server runs as `postgres` (see scripts/start-postgres), and pg_ctl must too.
        var (exitCode, output, errors) = Environment.UserName == "root"
            ? await RepositoryScripts.RunProgramAsync("runuser", ["-u", "postgres", "--", .. stop], TimeSpan.FromMinutes(1))
            : await RepositoryScripts.RunProgramAsync(stop[0], stop[1..], TimeSpan.FromMinutes(1));
        if (exitCode != 0) throw new InvalidOperationException($"pg_ctl stop exited with {exitCode}: {errors}{output}");
    }

    /// <summary>Starts the stopped server again; it must come back on the same port (clients keep their settings).</summary>
    public async Task RestartAsync()
    {
        var again = await StartClusterAsync();
        Assert.Equal(ConnectionString, again);
    }

    private async Task<string> StartClusterAsync()
    {
        var (exitCode, output, errors) = await RepositoryScripts.RunAsync("start-postgres", "--dir", _directory);
        const string prefix = "export KONIFER_TEST_POSTGRES=";
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (exitCode != 0 || line is null)
            throw new InvalidOperationException($"scripts/start-postgres --dir {_directory} exited with {exitCode}:\n{errors}{output}");
        return line[prefix.Length..].Trim('\'');
    }

    public async ValueTask DisposeAsync() => await RepositoryScripts.RunAsync("stop-postgres", "--dir", _directory);
}
