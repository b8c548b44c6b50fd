using Konifer.Core.Images;

namespace Konifer.Imaging;

/// <summary>
/// Tells an image format from its first bytes (magic numbers), so that the client's Content-Type is never trusted.
/// </summary>
public static class ImageSniffer
{
    /// <summary>Enough bytes for every signature below, including a few ISO-BMFF compatible brands.</summary>
    public const int HeaderLength = 64;

    public static ImageFormat? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ImageFormat.Jpeg;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ImageFormat.Png;
        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8)) return ImageFormat.Gif;
        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8)) return ImageFormat.Webp;
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A])) return ImageFormat.Jxl;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A])) return ImageFormat.Jxl;
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8)) return DetectIsoBmff(header);
        return null;
    }

    /// <summary>AVIF and HEIC share the HEIF container; the major brand, else the compatible brands, tell them apart.</summary>
    private static ImageFormat? DetectIsoBmff(ReadOnlySpan<byte> header)
    {
        var boxSize = (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
        var end = Math.Min(header.Length, boxSize is >= 16 ? boxSize : header.Length);
        ImageFormat? fromBrand(ReadOnlySpan<byte> brand)
        {
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8)) return ImageFormat.Avif;
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("hevc"u8) ||
                brand.SequenceEqual("hevx"u8) || brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8))
                return ImageFormat.Heic;
            return null;
        }
        if (fromBrand(header[8..12]) is { } major) return major;
        for (var offset = 16; offset + 4 <= end; offset += 4)
            if (fromBrand(header[offset..(offset + 4)]) is { } compatible) return compatible;
        return null;
    }
}
