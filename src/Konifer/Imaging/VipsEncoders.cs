using Konifer.Assets;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Writes an image straight to a file with its format's saver. Only options that Debian's libvips 8.14 knows are
/// passed (no <c>keep</c>, no <c>bitdepth</c>); page height and animation delays come from the image's metadata.
/// </summary>
internal static class VipsEncoders
{
    /// <summary>libheif's AV1 encoder is slow; 4 keeps on-demand AVIF variants fast at a small size cost.</summary>
    private const int AvifEffort = 4;

    /// <summary>zlib level 6: libvips' own default, a good size/speed balance for lossless PNG.</summary>
    private const int PngCompression = 6;

    public static void Save(Image image, ImageFormat format, int quality, string file)
    {
        switch (format)
        {
            case ImageFormat.Jpeg:
                image.Jpegsave(file, q: quality, optimizeCoding: true);
                break;
            case ImageFormat.Png:
                image.Pngsave(file, compression: PngCompression);
                break;
            case ImageFormat.Webp:
                image.Webpsave(file, q: quality);
                break;
            case ImageFormat.Avif:
                image.Heifsave(file, q: quality, compression: Enums.ForeignHeifCompression.Av1, effort: AvifEffort);
                break;
            case ImageFormat.Heic:
                image.Heifsave(file, q: quality, compression: Enums.ForeignHeifCompression.Hevc);
                break;
            case ImageFormat.Jxl:
                image.Jxlsave(file, q: quality);
                break;
            case ImageFormat.Gif:
                image.Gifsave(file);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format");
        }
    }

    /// <summary>JPEG has no transparency: composite on white, the colour an empty page shows.</summary>
    public static Image Flatten(Image image, ImageFormat format) =>
        format.FlattensAlpha() && image.HasAlpha() ? image.Flatten(background: [255.0]) : image;
}
