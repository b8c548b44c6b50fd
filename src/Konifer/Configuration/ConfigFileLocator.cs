namespace Konifer.Configuration;

/// <summary>Finds <c>konifer.conf</c>: env <c>KONIFER_CONFIG</c>, else <c>./konifer.conf</c>, else <c>/app/config/konifer.conf</c>.</summary>
public static class ConfigFileLocator
{
    public const string EnvironmentVariable = "KONIFER_CONFIG";

    /// <summary>The file to read, or null when none exists (then the built-in defaults apply).</summary>
    public static string? Locate(Func<string, string?> environment, string currentDirectory)
    {
        var explicitPath = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath, currentDirectory);
            if (!File.Exists(full))
                throw new ConfigurationException(EnvironmentVariable, $"the configuration file '{full}' does not exist.");
            return full;
        }
        foreach (var candidate in new[] { Path.Combine(currentDirectory, "konifer.conf"), "/app/config/konifer.conf" })
            if (File.Exists(candidate)) return candidate;
        return null;
    }
}
