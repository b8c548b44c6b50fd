using System.Diagnostics;

namespace Konifer.Tests.TestSupport;

/// <summary>Runs the repository's scripts (scripts/start-postgres…) and captures what they print.</summary>
public static class RepositoryScripts
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "Konifer.slnx"))) return directory.FullName;
            throw new InvalidOperationException($"No Konifer.slnx above {AppContext.BaseDirectory}: cannot find scripts/.");
        }
    }

    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(string script, params string[] arguments) =>
        RunProgramAsync("bash", [Path.Combine(Root, "scripts", script), .. arguments], TimeSpan.FromMinutes(10));

    public static async Task<(int ExitCode, string Output, string Errors)> RunProgramAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }
        return (process.ExitCode, await output, await errors);
    }
}
