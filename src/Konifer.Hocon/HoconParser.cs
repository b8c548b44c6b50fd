// Hand-written HOCON reader: there is no HOCON package for .NET served from our package feed, so Konifer
// carries its own small implementation of the parts of the spec (https://github.com/lightbend/config/blob/main/HOCON.md)
// that its configuration uses. Pipeline: HoconTokenizer -> HoconSyntaxParser -> HoconResolver.

using System.Text.Json.Nodes;

namespace Konifer.Hocon;

/// <summary>
/// Reads HOCON into a <see cref="JsonObject"/>: objects keep first-definition key order, integers are
/// <see cref="long"/>, other numbers <see cref="double"/>, <c>true</c>/<c>false</c> are booleans, <c>null</c> is a
/// null node, and everything else (including durations such as <c>30m</c> and words such as <c>yes</c>) is a string.
/// Substitutions are resolved against the document first, then <see cref="HoconParseSettings.Environment"/>.
/// </summary>
public static class HoconParser
{
    /// <exception cref="HoconException">The text is not valid HOCON or a substitution cannot be resolved.</exception>
    public static JsonObject Parse(string text, HoconParseSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        settings ??= new HoconParseSettings();
        var baseDirectory = settings.BaseDirectory ?? Directory.GetCurrentDirectory();
        return ParseCore(text, filePath: null, settings, new HoconParseContext(settings, baseDirectory, []));
    }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HoconException">The file is not valid HOCON or a substitution cannot be resolved.</exception>
    public static JsonObject ParseFile(string path, HoconParseSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        settings ??= new HoconParseSettings();
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"HOCON file '{path}' was not found (looked for {fullPath}).", fullPath);
        }
        var baseDirectory = settings.BaseDirectory ?? Path.GetDirectoryName(fullPath) ?? Directory.GetCurrentDirectory();
        var text = File.ReadAllText(fullPath);
        return ParseCore(text, path, settings, new HoconParseContext(settings, baseDirectory, [fullPath]));
    }

    private static JsonObject ParseCore(string text, string? filePath, HoconParseSettings settings, HoconParseContext context)
    {
        var document = HoconSyntaxParser.ParseDocument(text, filePath, HoconPath.Empty, context);
        return HoconResolver.Resolve(document, settings.Environment);
    }
}
