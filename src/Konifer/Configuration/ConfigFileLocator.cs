namespace Konifer.Configuration;

/// <summary>Finds <c>konifer.conf</c>: env <c>KONIFER_CONFIG</c>, else <c>./konifer.conf</c>, else <c>/app/config/konifer.conf</c>.</summary>
public static class ConfigFileLocator
{
    public const string EnvironmentVariable = "KONIFER_CONFIG";

    /// <summary>Where a container image keeps its configuration: the last place looked at.</summary>
    public const string ContainerPath = "/app/config/konifer.conf";

    /// <summary>The file to read, or null when none exists (then the built-in defaults apply).</summary>
    /// <param name="containerPath">The last candidate; <see cref="ContainerPath"/> unless a test chooses another.</param>
    public static string? Locate(Func<string, string?> environment, string currentDirectory, string containerPath = ContainerPath)
    {
        var explicitPath = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath, currentDirectory);
            if (!File.Exists(full))
                throw new ConfigurationException(EnvironmentVariable, $"the configuration file '{full}' does not exist.");
            return full;
        }
        foreach (var candidate in Candidates(currentDirectory, containerPath))
            if (File.Exists(candidate)) return candidate;
        return null;
    }

    /// <summary>The files looked at without <see cref="EnvironmentVariable"/>, in order: what the log names when none exists.</summary>
    public static IReadOnlyList<string> Candidates(string currentDirectory, string containerPath = ContainerPath) =>
        [Path.Combine(currentDirectory, "konifer.conf"), containerPath];

    /// <summary>The start-up line: the file read, or that none was found and every place looked.</summary>
    public static string Describe(string? path, string currentDirectory) => path is not null
        ? $"read {path}"
        : $"no konifer.conf found (looked at ${EnvironmentVariable}, unset; {string.Join(", ", Candidates(currentDirectory))}): built-in defaults apply";
}
