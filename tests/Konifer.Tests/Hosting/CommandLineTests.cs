using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Hosting;

/// <summary>
/// The real server process with --help, --version and --check-config: each answers on stdout and exits without
/// listening or touching a store; where it listens follows the framework's own sources.
/// </summary>
public sealed class CommandLineTests
{
    /// <summary>Runs <c>dotnet Konifer.dll</c> to its end in <paramref name="directory"/> (a fresh one by default).</summary>
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string[] arguments,
        IDictionary<string, string>? environment = null, string? directory = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Konifer.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Remove("KONIFER_CONFIG");
        start.Environment.Remove("IN_MEMORY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        start.WorkingDirectory = directory ?? System.IO.Directory.CreateTempSubdirectory("konifer-cli-").FullName;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static string WithConfig(string config)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("konifer-cli-").FullName;
        File.WriteAllText(Path.Combine(directory, "konifer.conf"), config);
        return directory;
    }

    [Fact]
    public async Task Help_prints_the_flags_the_variables_and_the_file_locations()
    {
        var (exitCode, output, _) = await RunAsync(["--help"]);
        Assert.Equal(0, exitCode);
        foreach (var expected in new[] { "--check-config", "--urls", "--version", "KONIFER_CONFIG", "ASPNETCORE_HTTP_PORTS", "/app/config/konifer.conf" })
            Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_assemblys_informational_version()
    {
        var (exitCode, output, _) = await RunAsync(["--version"]);
        var expected = typeof(Konifer.Hosting.KoniferApp).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.Equal(0, exitCode);
        Assert.Equal($"konifer {expected}", output.Trim());
    }

    [Fact]
    public async Task Check_config_prints_every_effective_setting_with_secrets_masked_and_touches_no_store()
    {
        // PostgreSQL and S3 on ports where nothing listens: a check that connected would fail.
        var directory = WithConfig("""
            data-store.postgresql { host = 127.0.0.1, port = 1, password = hunter2-db }
            object-store { provider = s3, s3 { endpoint-url = "http://127.0.0.1:1", region = us-east-1, access-key = AKIA1, secret-key = hunter2-s3 } }
            url-signing { enabled = true, secret-key = "hunter2-signing-key-of-some-length" }
            variant-profiles { thumb { w = 100 } }
            paths { "/users/**" { transform.eager-variants = [thumb] } }
            """);

        var (exitCode, output, errors) = await RunAsync(["--check-config"], directory: directory);

        Assert.True(exitCode == 0, errors + output);
        Assert.StartsWith($"# Configuration: read {Path.Combine(directory, "konifer.conf")}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        Assert.Contains("data-store.postgresql.password = \"***\"", output, StringComparison.Ordinal);
        Assert.Contains("object-store.s3.secret-key = \"***\"", output, StringComparison.Ordinal);
        Assert.Contains("data-store.postgresql.port = 1", output, StringComparison.Ordinal);
        Assert.Contains("data-store.postgresql.startup-timeout = 30s", output, StringComparison.Ordinal);
        Assert.Contains("variant-profiles.thumb = { w = 100 }", output, StringComparison.Ordinal);
        Assert.Contains("paths.\"/users/**\".transform.eager-variants = [thumb]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_config_of_a_wrong_file_is_one_line_and_exit_code_78()
    {
        var (exitCode, output, errors) = await RunAsync(["--check-config"], directory: WithConfig("datastore.provider = in-memory\nobject-store.provider = in-memory"));

        Assert.Equal(78, exitCode);
        Assert.Equal("konifer: datastore.provider: unknown key; did you mean data-store.provider?", errors.Trim());
        Assert.DoesNotContain("   at ", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_file_check_config_names_every_place_it_looked()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("konifer-cli-").FullName;
        // Without a file the object store has no mount path: IN_MEMORY makes the defaults complete.
        var (exitCode, output, errors) = await RunAsync(["--check-config"], new Dictionary<string, string> { ["IN_MEMORY"] = "true" }, directory);

        Assert.True(exitCode == 0, errors + output);
        var first = output.Split('\n')[0];
        Assert.Contains("no konifer.conf found", first, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(directory, "konifer.conf"), first, StringComparison.Ordinal);
        Assert.Contains("/app/config/konifer.conf", first, StringComparison.Ordinal);
        Assert.Contains("$KONIFER_CONFIG", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_konifer_config_is_taken_from_the_working_directory()
    {
        var directory = WithConfig("data-store.provider = in-memory\nobject-store.provider = in-memory\n");
        File.Move(Path.Combine(directory, "konifer.conf"), Path.Combine(directory, "mine.conf"));

        var (exitCode, output, errors) = await RunAsync(["--check-config"], new Dictionary<string, string> { ["KONIFER_CONFIG"] = "mine.conf" }, directory);

        Assert.True(exitCode == 0, errors + output);
        Assert.StartsWith($"# Configuration: read {Path.Combine(directory, "mine.conf")}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripts_run_reads_the_konifer_config_relative_to_where_it_was_run_from_and_uses_its_stores()
    {
        var caller = WithConfig("object-store.filesystem.mount-path = /tmp/konifer-unused\nsource.max-frames = 7\n");
        File.Move(Path.Combine(caller, "konifer.conf"), Path.Combine(caller, "mine.conf"));
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = caller };
        start.ArgumentList.Add(Path.Combine(RepositoryScripts.Root, "scripts", "run"));
        start.ArgumentList.Add("--check-config");
        start.Environment["KONIFER_CONFIG"] = "mine.conf";
        start.Environment.Remove("IN_MEMORY");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(8)).Token);

        Assert.True(process.ExitCode == 0, await errors + await output);
        Assert.StartsWith($"# Configuration: read {Path.Combine(caller, "mine.conf")}", await output, StringComparison.Ordinal);
        Assert.Contains("source.max-frames = 7", await output, StringComparison.Ordinal);
        // With a file, its stores (here the defaults) are used: IN_MEMORY=true is scripts/run's default only without one.
        Assert.Contains("data-store.provider = postgresql", await output, StringComparison.Ordinal);
        Assert.Contains("object-store.provider = filesystem", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aspnetcore_http_ports_is_honoured_when_nothing_else_says_where_to_listen()
    {
        var port = FreePort();
        var (server, exitCode, output) = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "",
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.True(server is not null, $"exit {exitCode}: {output}");
        await using (server)
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(":8080", server.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_urls_argument_wins_over_aspnetcore_urls()
    {
        var port = FreePort();
        var (server, exitCode, output) = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:1",
        }, ["--urls", $"http://127.0.0.1:{port}"]);
        Assert.True(server is not null, $"exit {exitCode}: {output}");
        await using (server)
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Contains($"Now listening on: http://127.0.0.1:{port}", server.Output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
