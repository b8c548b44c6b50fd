using System.Collections.Frozen;

namespace Konifer.Core.Images;

/// <summary>
/// The facts of every <see cref="ImageFormat"/>, one row each, so that adding a format means adding a row here (and
/// one in the libvips adapter's table) rather than a case in every switch. Memory behaviours were measured on libvips
/// 8.14 (<c>bench/README.md</c>, "Memory"); side limits were checked on it too.
/// </summary>
public static class ImageFormatTable
{
    /// <summary>In <see cref="ImageFormat"/> order.</summary>
    public static IReadOnlyList<ImageFormatInfo> Rows { get; } =
    [
        new()
        {
            Format = ImageFormat.Jpeg, Name = "JPEG", Names = ["jpg", "jpeg"], MediaTypes = ["image/jpeg", "image/jpg"], Extension = ".jpeg",
            Signatures = [FileSignature.At(0, [0xFF, 0xD8, 0xFF])],
            Transparency = Transparency.None, CanAnimate = false, HasQuality = true, DefaultQuality = 80,
            // libjpeg's limit. Encodes strip by strip; shrinks while decoding.
            EncoderMemory = EncoderMemory.Streaming, MaxSide = 65_500, DecoderMemory = DecoderMemory.Streaming,
        },
        new()
        {
            Format = ImageFormat.Png, Name = "PNG", Names = ["png"], MediaTypes = ["image/png"], Extension = ".png",
            Signatures = [FileSignature.At(0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])],
            Transparency = Transparency.Alpha, CanAnimate = false, HasQuality = false, DefaultQuality = 100,
            // Only bounded by libvips' own coordinate limit. Encodes and decodes line by line.
            EncoderMemory = EncoderMemory.Streaming, MaxSide = 10_000_000, DecoderMemory = DecoderMemory.Streaming,
        },
        new()
        {
            Format = ImageFormat.Webp, Name = "WebP", Names = ["webp"], MediaTypes = ["image/webp"], Extension = ".webp",
            Signatures = [FileSignature.At(0, "RIFF"u8).And(8, "WEBP"u8)],
            Transparency = Transparency.Alpha, CanAnimate = true, HasQuality = true, DefaultQuality = 80,
            // libwebp's limit. It decodes a whole frame, but scaled to what the output needs.
            EncoderMemory = EncoderMemory.FullFrame, MaxSide = 16_383, DecoderMemory = DecoderMemory.ScaledFrame,
        },
        new()
        {
            Format = ImageFormat.Avif, Name = "AVIF", Names = ["avif"], MediaTypes = ["image/avif"], Extension = ".avif",
            IsoBmffBrands = ["avif", "avis"],
            Transparency = Transparency.Alpha, CanAnimate = false, HasQuality = true, DefaultQuality = 50,
            // libheif's 16384: a wider AVIF saves, but libheif's security limit refuses to read it back.
            EncoderMemory = EncoderMemory.FullFrame, MaxSide = 16_384, DecoderMemory = DecoderMemory.FullFrame,
        },
        new()
        {
            Format = ImageFormat.Jxl, Name = "JPEG XL", Names = ["jxl"], MediaTypes = ["image/jxl"], Extension = ".jxl",
            // The bare codestream, then the ISO-BMFF-style container with its JXL signature box.
            Signatures =
            [
                FileSignature.At(0, [0xFF, 0x0A]),
                FileSignature.At(0, [0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A]),
            ],
            Transparency = Transparency.Alpha, CanAnimate = false, HasQuality = true, DefaultQuality = 90,
            // JPEG XL's level 5.
            EncoderMemory = EncoderMemory.FullFrame, MaxSide = 262_144, DecoderMemory = DecoderMemory.FullFrame,
        },
        new()
        {
            Format = ImageFormat.Heic, Name = "HEIC", Names = ["heic", "heif"], MediaTypes = ["image/heic", "image/heif"], Extension = ".heic",
            IsoBmffBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis"],
            Transparency = Transparency.Alpha, CanAnimate = false, HasQuality = true, DefaultQuality = 50,
            // libheif's 16384: a wider HEIC fails to save.
            EncoderMemory = EncoderMemory.FullFrame, MaxSide = 16_384, DecoderMemory = DecoderMemory.FullFrame,
        },
        new()
        {
            Format = ImageFormat.Gif, Name = "GIF", Names = ["gif"], MediaTypes = ["image/gif"], Extension = ".gif",
            Signatures = [FileSignature.At(0, "GIF87a"u8), FileSignature.At(0, "GIF89a"u8)],
            Transparency = Transparency.OneBit, CanAnimate = true, HasQuality = false, DefaultQuality = 100,
            // The 16-bit fields of the GIF header.
            EncoderMemory = EncoderMemory.FullFrame, MaxSide = 65_535, DecoderMemory = DecoderMemory.FullFrame,
        },
    ];

    private static readonly FrozenDictionary<ImageFormat, ImageFormatInfo> ByFormat = Rows.ToFrozenDictionary(row => row.Format);

    /// <summary>The row of <paramref name="format"/>.</summary>
    public static ImageFormatInfo Info(this ImageFormat format) =>
        ByFormat.TryGetValue(format, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format");
}
