using Konifer.Core.Assets;

namespace Konifer.Http.Selectors;

/// <summary>
/// Splits what follows <c>/assets/</c> into the application path and the selector segments after <c>/-/</c>.
/// A segment <c>-</c> can never be part of a path, so the first one is the separator.
/// </summary>
public sealed record AssetRoute(AssetPath Path, IReadOnlyList<string> Selectors)
{
    public static AssetRoute Parse(string? rest)
    {
        var segments = (rest ?? "").Split('/');
        var separator = Array.IndexOf(segments, "-");
        var pathPart = separator < 0 ? segments : segments[..separator];
        var selectors = separator < 0 ? [] : segments[(separator + 1)..].Where(s => s.Length > 0).ToArray();
        if (!AssetPath.TryParse(string.Join('/', pathPart), out var path, out var error))
            throw new BadRequestException(error);
        return new AssetRoute(path, selectors);
    }

    public string SelectorText => Selectors.Count == 0 ? "" : "/-/" + string.Join('/', Selectors);
}
