using Konifer.Core.Images;
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

    /// <param name="stripAll">
    /// Save with libvips' <c>strip</c>, which drops every metadata block (ICC profile included). Used for HEIF
    /// outputs that must lose EXIF, since their saver otherwise rebuilds a minimal EXIF block.
    /// </param>
    public static void Save(Image image, ImageFormat format, int quality, string file, bool stripAll = false)
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
                SaveHeif(image, file, quality, Enums.ForeignHeifCompression.Av1, stripAll);
                break;
            case ImageFormat.Heic:
                SaveHeif(image, file, quality, Enums.ForeignHeifCompression.Hevc, stripAll);
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

    /// <summary>NetVips 3 no longer exposes <c>strip</c> (libvips 8.15 replaced it with <c>keep</c>); 8.14 needs it.</summary>
    private static void SaveHeif(Image image, string file, int quality, Enums.ForeignHeifCompression compression, bool stripAll)
    {
        var options = new VOption { { "Q", quality }, { "compression", compression } };
        if (compression == Enums.ForeignHeifCompression.Av1) options.Add("effort", AvifEffort);
        if (stripAll) options.Add("strip", true);
        Operation.Call("heifsave", options, image, file);
    }

    /// <summary>JPEG has no transparency: composite on white, the colour an empty page shows.</summary>
    public static Image Flatten(Image image, ImageFormat format) =>
        format == ImageFormat.Jpeg && image.HasAlpha() ? image.Flatten(background: [255.0]) : image;
}
