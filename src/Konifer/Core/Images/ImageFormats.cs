using System.Diagnostics.CodeAnalysis;

namespace Konifer.Core.Images;

/// <summary>Names, media types and file extensions of <see cref="ImageFormat"/>.</summary>
public static class ImageFormats
{
    public static IReadOnlyList<ImageFormat> All { get; } = Enum.GetValues<ImageFormat>();

    /// <summary>The short name used in JSON and in the <c>format</c> parameter (<c>jpg</c>, <c>png</c>, …).</summary>
    public static string ShortName(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Png => "png",
        ImageFormat.Webp => "webp",
        ImageFormat.Avif => "avif",
        ImageFormat.Jxl => "jxl",
        ImageFormat.Heic => "heic",
        ImageFormat.Gif => "gif",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string MediaType(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.Webp => "image/webp",
        ImageFormat.Avif => "image/avif",
        ImageFormat.Jxl => "image/jxl",
        ImageFormat.Heic => "image/heic",
        ImageFormat.Gif => "image/gif",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>File extension with the dot; JPEG uses <c>.jpeg</c> as the reference does.</summary>
    public static string Extension(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ".jpeg",
        _ => "." + format.ShortName(),
    };

    public static bool TryParseShortName(string? value, out ImageFormat format)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "jpg" or "jpeg": format = ImageFormat.Jpeg; return true;
            case "png": format = ImageFormat.Png; return true;
            case "webp": format = ImageFormat.Webp; return true;
            case "avif": format = ImageFormat.Avif; return true;
            case "jxl": format = ImageFormat.Jxl; return true;
            case "heic" or "heif": format = ImageFormat.Heic; return true;
            case "gif": format = ImageFormat.Gif; return true;
            default: format = default; return false;
        }
    }

    public static bool TryParseMediaType(string? value, [NotNullWhen(true)] out ImageFormat? format)
    {
        format = value?.Trim().ToLowerInvariant() switch
        {
            "image/jpeg" or "image/jpg" => ImageFormat.Jpeg,
            "image/png" => ImageFormat.Png,
            "image/webp" => ImageFormat.Webp,
            "image/avif" => ImageFormat.Avif,
            "image/jxl" => ImageFormat.Jxl,
            "image/heic" or "image/heif" => ImageFormat.Heic,
            "image/gif" => ImageFormat.Gif,
            _ => null,
        };
        return format is not null;
    }
}
