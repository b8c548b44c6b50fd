namespace Konifer.Hocon;

/// <summary>State shared by a document and the files it includes.</summary>
internal sealed class HoconParseContext(HoconParseSettings settings, string baseDirectory, IReadOnlyList<string> includeChain)
{
    public HoconParseSettings Settings { get; } = settings;

    /// <summary>Directory that relative includes of the current file are resolved against.</summary>
    public string BaseDirectory { get; } = baseDirectory;

    /// <summary>Full paths of the files being parsed, outermost first, to detect include cycles.</summary>
    public IReadOnlyList<string> IncludeChain { get; } = includeChain;

    public HoconParseContext ForIncludedFile(string fullPath) =>
        new(Settings, Path.GetDirectoryName(fullPath) ?? BaseDirectory, [.. IncludeChain, fullPath]);
}
