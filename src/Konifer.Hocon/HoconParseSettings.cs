namespace Konifer.Hocon;

/// <summary>Options for <see cref="HoconParser"/>.</summary>
public sealed class HoconParseSettings
{
    /// <summary>
    /// Looks up environment variables for substitutions (<c>${HOME}</c>, <c>${?SECRET}</c>) that are not
    /// set in the document itself. Returns null for an unset variable.
    /// </summary>
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// Directory that relative <c>include</c> paths are resolved against. Defaults to the directory of the
    /// file for <see cref="HoconParser.ParseFile"/> and to the current directory for <see cref="HoconParser.Parse"/>.
    /// </summary>
    public string? BaseDirectory { get; set; }
}
