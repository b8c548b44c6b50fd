using Microsoft.Extensions.Configuration;

namespace Konifer.Hocon;

/// <summary>
/// Loads a HOCON document and flattens it into configuration keys the way the JSON provider does:
/// <c>a:b:c</c>, list elements as <c>a:0</c>, <c>a:1</c>, booleans as "true"/"false", numbers in the invariant culture.
/// </summary>
internal sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;
    private readonly string? _path;

    public HoconConfigurationProvider(HoconConfigurationSource source)
        : this(source, source?.Path)
    {
    }

    internal HoconConfigurationProvider(HoconConfigurationSource source, string? resolvedPath)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _path = resolvedPath;
    }

    /// <exception cref="FileNotFoundException">The file is missing and the source is not optional.</exception>
    /// <exception cref="HoconException">The file is not valid HOCON.</exception>
    public override void Load()
    {
        if (_source.Document is { } document)
        {
            Data = HoconConfigurationFlattener.Flatten(document);
            return;
        }
        if (_path is null)
        {
            throw new InvalidOperationException("A HOCON configuration source needs either a Path or a Document.");
        }
        if (!File.Exists(_path))
        {
            if (_source.Optional)
            {
                Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                return;
            }
            throw new FileNotFoundException($"The HOCON configuration file '{_source.Path}' was not found (looked for {Path.GetFullPath(_path)}).", _path);
        }
        Data = HoconConfigurationFlattener.Flatten(HoconParser.ParseFile(_path, _source.Settings));
    }

    public override string ToString() => $"{nameof(HoconConfigurationProvider)} for '{_source.Path ?? "document"}' ({(_source.Optional ? "Optional" : "Required")})";
}
