using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Konifer.Core.Images;

/// <summary>
/// Names, media types and file extensions of <see cref="ImageFormat"/>, read from <see cref="ImageFormatTable"/>: the
/// shortcuts most of the code uses, and the parsers of names and media types.
/// </summary>
public static class ImageFormats
{
    public static IReadOnlyList<ImageFormat> All { get; } = Enum.GetValues<ImageFormat>();

    private static readonly FrozenDictionary<string, ImageFormat> ByName =
        ImageFormatTable.Rows.SelectMany(row => row.Names, (row, name) => (name, row.Format)).ToFrozenDictionary(n => n.name, n => n.Format);

    private static readonly FrozenDictionary<string, ImageFormat> ByMediaType =
        ImageFormatTable.Rows.SelectMany(row => row.MediaTypes, (row, type) => (type, row.Format)).ToFrozenDictionary(t => t.type, t => t.Format);

    /// <summary>The short name used in JSON and in the <c>format</c> parameter (<c>jpg</c>, <c>png</c>, …).</summary>
    public static string ShortName(this ImageFormat format) => format.Info().ShortName;

    public static string MediaType(this ImageFormat format) => format.Info().MediaType;

    /// <summary>File extension with the dot; JPEG uses <c>.jpeg</c> as the reference does.</summary>
    public static string Extension(this ImageFormat format) => format.Info().Extension;

    /// <summary>Any of the format's names (<c>jpg</c> or <c>jpeg</c>), case-insensitive, surrounding blanks ignored.</summary>
    public static bool TryParseShortName(string? value, out ImageFormat format)
    {
        if (value is not null && ByName.TryGetValue(value.Trim().ToLowerInvariant(), out format)) return true;
        format = default;
        return false;
    }

    /// <summary>Any of the format's media types (<c>image/jpeg</c> or <c>image/jpg</c>), case-insensitive, surrounding blanks ignored.</summary>
    public static bool TryParseMediaType(string? value, [NotNullWhen(true)] out ImageFormat? format)
    {
        format = value is not null && ByMediaType.TryGetValue(value.Trim().ToLowerInvariant(), out var found) ? found : null;
        return format is not null;
    }

    /// <summary>
    /// How many frames an <paramref name="output"/> made of <paramref name="original"/> holds: every page when both
    /// formats animate (see <see cref="ImageAttributes.PageCount"/>), else one.
    /// </summary>
    public static int OutputPages(this ImageFormat output, ImageAttributes original) =>
        original.PageCount > 1 && original.Format.Info().CanAnimate && output.Info().CanAnimate ? original.PageCount : 1;
}
