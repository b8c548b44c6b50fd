using System.Diagnostics;

namespace Konifer.Bench.Support;

/// <summary>The repository checkout this tool runs from, and its scripts.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
                for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                    if (File.Exists(Path.Combine(directory.FullName, "Konifer.slnx"))) return directory.FullName;
            throw new InvalidOperationException("Run this tool inside the Konifer repository (no Konifer.slnx found above).");
        }
    }

    /// <summary>Runs scripts/<paramref name="script"/>; returns its stdout, or fails with its stderr.</summary>
    public static async Task<string> RunScriptAsync(string root, string script, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "scripts", script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot run scripts/{script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/{script} exited with {process.ExitCode}:\n{await errors}");
        return await output;
    }
}
