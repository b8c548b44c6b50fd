using System.Text;

namespace Konifer.Client;

/// <summary>
/// The relative URL of an asset request: <c>/assets/{path}[/-/{selector}][/{return format}][?query]</c>. Paths are sent
/// with their slashes and characters as they are (the server refuses percent-encoded paths); query keys and values
/// are percent-encoded.
/// </summary>
internal static class AssetUrl
{
    public static string Build(string path, string? selector, string? returnFormat, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var url = new StringBuilder("/assets/").Append(NormalizePath(path));
        if (selector is not null || returnFormat is not null)
        {
            url.Append("/-");
            if (selector is not null) url.Append('/').Append(selector);
            if (returnFormat is not null) url.Append('/').Append(returnFormat);
        }
        var separator = '?';
        foreach (var (key, value) in query ?? [])
        {
            url.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return url.ToString();
    }

    /// <summary>Label filters, always written <c>label:key</c> so no label can be taken for a transformation parameter.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Filter(AssetFilter? filter)
    {
        if (filter?.Limit is { } limit) yield return new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in filter?.Labels ?? new Dictionary<string, string>())
            yield return new("label:" + key, value);
    }

    /// <summary><c>users/1/avatar</c> and <c>/users/1/avatar/</c> alike become <c>users/1/avatar</c>.</summary>
    public static string NormalizePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Trim('/');
        if (trimmed.Length == 0) throw new ArgumentException("An asset path needs at least one segment.", nameof(path));
        if (trimmed.AsSpan().IndexOfAny("?#%\\") >= 0)
            throw new ArgumentException($"The asset path '{path}' contains '?', '#', '%' or '\\', which no asset path may hold.", nameof(path));
        return trimmed;
    }
}
