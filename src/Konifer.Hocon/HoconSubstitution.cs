namespace Konifer.Hocon;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. In an included file the path is prefixed with the include location;
/// <see cref="FallbackPath"/> is then the path as written, tried when the prefixed one is not set.
/// </summary>
internal sealed class HoconSubstitution(HoconPosition position, string text, HoconPath path, HoconPath? fallbackPath, bool optional)
    : HoconValue(position)
{
    /// <summary>The substitution as written, e.g. <c>${?SECRET}</c>.</summary>
    public string Text { get; } = text;

    public HoconPath Path { get; } = path;

    public HoconPath? FallbackPath { get; } = fallbackPath;

    public bool Optional { get; } = optional;

    /// <summary>The environment variable to try: the path as written.</summary>
    public string EnvironmentName => (FallbackPath ?? Path).ToString();
}
