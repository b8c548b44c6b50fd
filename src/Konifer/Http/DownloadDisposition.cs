using Konifer.Core.Images;
using Konifer.Core.Assets;

namespace Konifer.Http;

/// <summary>
/// <c>Content-Disposition: attachment</c> for <c>download</c>: an ASCII fallback name and the exact UTF-8 name
/// (RFC 6266 / 8187), from the alt (or the path's last segment) plus the format's extension.
/// </summary>
public static class DownloadDisposition
{
    public static string For(Asset asset, Variant variant)
    {
        var alt = Clean(asset.Information.Alt ?? "");
        var baseName = string.IsNullOrWhiteSpace(alt) ? asset.Path.Segments[^1] : alt;
        var fileName = baseName + variant.Attributes.Format.Extension();
        var ascii = new string(fileName.Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_').ToArray());
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    /// <summary>
    /// Drops bidirectional controls, which let a name display reversed (<c>photo‮gpj.exe</c> shown as
    /// <c>photoexe.jpg</c>), and other control characters, which no file name needs.
    /// </summary>
    public static string Clean(string name) => new(name.Where(c => !IsBidiControl(c) && !char.IsControl(c)).ToArray());

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        or '\u200E' or '\u200F' or '\u061C';
}
