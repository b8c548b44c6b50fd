using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// The real server as a child process (`dotnet Konifer.dll`, both stores in memory unless the environment sets
/// IN_MEMORY=false and a KONIFER_CONFIG, a free loopback port), for what only a fresh process shows: its environment
/// as libvips reads it at start-up, its log, its exit, and being killed.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly StringBuilder _errors;

    public HttpClient Client { get; }

    /// <summary>Everything the server wrote to stdout and stderr so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>What the server wrote to stderr alone so far (also in <see cref="Output"/>).</summary>
    public string StandardError { get { lock (_output) return _errors.ToString(); } }

    /// <summary>What the server wrote to stdout alone so far.</summary>
    public string StandardOutput { get { lock (_output) return _stdout.ToString(); } }

    private readonly StringBuilder _stdout;

    private ServerProcess(Process process, StringBuilder output, StringBuilder stdout, StringBuilder errors, Uri address)
    {
        _process = process;
        _output = output;
        _stdout = stdout;
        _errors = errors;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Starts the server and waits until it listens; if it exits instead, returns its exit code and output.</summary>
    public static async Task<(ServerProcess? Server, int ExitCode, string Output)> StartAsync(IDictionary<string, string> environment,
        IEnumerable<string>? arguments = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Konifer.dll"));
        foreach (var argument in arguments ?? []) start.ArgumentList.Add(argument);
        start.Environment["IN_MEMORY"] = "true";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment.Remove("KONIFER_CONFIG");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.WorkingDirectory = Directory.CreateTempSubdirectory("konifer-process-").FullName; // no stray konifer.conf

        var output = new StringBuilder();
        var stdout = new StringBuilder();
        var errors = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void Collect(StringBuilder stream, DataReceivedEventArgs line)
        {
            if (line.Data is null) return;
            lock (output)
            {
                output.AppendLine(line.Data);
                stream.AppendLine(line.Data);
            }
            if (ListeningOn().Match(line.Data) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
        process.OutputDataReceived += (_, line) => Collect(stdout, line);
        process.ErrorDataReceived += (_, line) => Collect(errors, line);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
        if (first == listening.Task) return (new ServerProcess(process, output, stdout, errors, listening.Task.Result), 0, "");
        if (first != exited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        string text;
        lock (output) text = output.ToString();
        var exitCode = process.ExitCode;
        process.Dispose();
        if (first != exited) throw new InvalidOperationException($"The server neither listened nor exited within 2 minutes:\n{text}");
        return (null, exitCode, text);
    }

    /// <summary>The child's process id (the owner of its generation job leases names it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Kills the server at once (SIGKILL): no shutdown, no drain, as when the machine or the OOM killer takes it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The server's resident memory (VmRSS) once it has settled: two readings half a second apart within 1 MB.</summary>
    public async Task<long> IdleRssAsync()
    {
        var previous = Rss();
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(500);
            var current = Rss();
            if (Math.Abs(current - previous) < 1_000_000) return current;
            previous = current;
        }
        return previous;
    }

    private long Rss() =>
        1024 * long.Parse(File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex ListeningOn();
}
