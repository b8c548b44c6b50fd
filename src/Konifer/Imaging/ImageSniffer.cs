using System.Text;
using Konifer.Core.Images;

namespace Konifer.Imaging;

/// <summary>
/// Tells an image format from its first bytes, so that the client's Content-Type is never trusted. The signatures and
/// ISO-BMFF brands are the format table's (<see cref="ImageFormatTable"/>); this only knows how to read them.
/// </summary>
public static class ImageSniffer
{
    /// <summary>Enough bytes for every signature, including a few ISO-BMFF compatible brands.</summary>
    public const int HeaderLength = 64;

    private static readonly (byte[] Brand, ImageFormat Format)[] Brands =
        [.. ImageFormatTable.Rows.SelectMany(row => row.IsoBmffBrands, (row, brand) => (Encoding.ASCII.GetBytes(brand), row.Format))];

    public static ImageFormat? Detect(ReadOnlySpan<byte> header)
    {
        // No two formats' signatures can match the same bytes, so the order of the rows does not matter.
        foreach (var row in ImageFormatTable.Rows)
            foreach (var signature in row.Signatures)
                if (signature.Matches(header)) return row.Format;
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8)) return DetectIsoBmff(header);
        return null;
    }

    /// <summary>AVIF and HEIC share the HEIF container; the major brand, else the compatible brands, tell them apart.</summary>
    private static ImageFormat? DetectIsoBmff(ReadOnlySpan<byte> header)
    {
        var boxSize = (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
        var end = Math.Min(header.Length, boxSize is >= 16 ? boxSize : header.Length);
        if (FromBrand(header[8..12]) is { } major) return major;
        for (var offset = 16; offset + 4 <= end; offset += 4)
            if (FromBrand(header[offset..(offset + 4)]) is { } compatible) return compatible;
        return null;
    }

    private static ImageFormat? FromBrand(ReadOnlySpan<byte> brand)
    {
        foreach (var (known, format) in Brands)
            if (brand.SequenceEqual(known)) return format;
        return null;
    }
}
