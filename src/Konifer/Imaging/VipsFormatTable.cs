using System.Collections.Frozen;
using Konifer.Core.Images;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// The libvips side of every <see cref="ImageFormat"/>, one row each: loaders, savers and their options, as Debian's
/// libvips 8.14 knows them (no <c>keep</c>, no <c>bitdepth</c>). Adding a format means one row here and one in
/// <see cref="ImageFormatTable"/>.
/// </summary>
internal static class VipsFormatTable
{
    /// <summary>libheif's AV1 encoder is slow; 4 keeps on-demand AVIF variants fast at a small size cost.</summary>
    private const int AvifEffort = 4;

    /// <summary>zlib level 6: libvips' own default, a good size/speed balance for lossless PNG.</summary>
    private const int PngCompression = 6;

    /// <summary>
    /// In the order the start-up check reports the codecs. AVIF and HEIC share libheif's loader and saver but need
    /// different encoders (AV1 and HEVC), so each has its row and is checked on its own.
    /// </summary>
    public static IReadOnlyList<VipsFormat> Rows { get; } =
    [
        new()
        {
            Format = ImageFormat.Jpeg, Loader = "jpegload", LoaderClass = "VipsForeignLoadJpeg", Saver = "jpegsave", QualityOption = "Q",
            TuningOptions = new Dictionary<string, object> { ["optimize_coding"] = true },
            // libjpeg reports missing scan data only as a warning ("premature end of data segment") and fills the rest
            // grey, so a 552-byte JPEG declaring 16000×16000 decoded "fine" at error level. The other loaders already
            // fail on truncated data at error level (tested for each, cut at 50–99 % with and without an end marker),
            // so warning would add nothing there but the risk of refusing files for benign remarks.
            FailOn = Enums.FailOn.Warning,
            ExifRemoval = VipsExifRemoval.CopyWithoutBlock,
        },
        new()
        {
            Format = ImageFormat.Png, Loader = "pngload", LoaderClass = "VipsForeignLoadPng", Saver = "pngsave",
            TuningOptions = new Dictionary<string, object> { ["compression"] = PngCompression },
            ExifRemoval = VipsExifRemoval.Fields,
        },
        new()
        {
            Format = ImageFormat.Webp, Loader = "webpload", LoaderClass = "VipsForeignLoadWebp", Saver = "webpsave", QualityOption = "Q",
            ExifRemoval = VipsExifRemoval.CopyWithoutBlock,
        },
        new()
        {
            Format = ImageFormat.Avif, Loader = "heifload", LoaderClass = "VipsForeignLoadHeif", HeifCompression = "av1", Saver = "heifsave", QualityOption = "Q",
            EncoderOptions = new Dictionary<string, object> { ["compression"] = Enums.ForeignHeifCompression.Av1 },
            TuningOptions = new Dictionary<string, object> { ["effort"] = AvifEffort },
            ExifRemoval = VipsExifRemoval.SaverStrip,
        },
        new()
        {
            // Any libheif file that is not AV1 is taken for HEIC.
            Format = ImageFormat.Heic, Loader = "heifload", LoaderClass = "VipsForeignLoadHeif", Saver = "heifsave", QualityOption = "Q",
            EncoderOptions = new Dictionary<string, object> { ["compression"] = Enums.ForeignHeifCompression.Hevc },
            ExifRemoval = VipsExifRemoval.SaverStrip,
        },
        new()
        {
            Format = ImageFormat.Jxl, Loader = "jxlload", LoaderClass = "VipsForeignLoadJxl", Saver = "jxlsave", QualityOption = "Q",
            ExifRemoval = VipsExifRemoval.Fields,
        },
        new()
        {
            Format = ImageFormat.Gif, Loader = "gifload", LoaderClass = "VipsForeignLoadNsgif", Saver = "gifsave",
            ExifRemoval = VipsExifRemoval.Fields,
        },
    ];

    private static readonly FrozenDictionary<ImageFormat, VipsFormat> ByFormat = Rows.ToFrozenDictionary(row => row.Format);

    public static VipsFormat For(ImageFormat format) =>
        ByFormat.TryGetValue(format, out var row) ? row : throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format");

    /// <summary>
    /// The format libvips read a file as, from the <c>vips-loader</c> it names and, for a shared loader, the
    /// compression it reports; null for a loader of no row.
    /// </summary>
    public static ImageFormat? OfLoader(string loader, Func<string?> heifCompression)
    {
        var candidates = Rows.Where(row => loader.StartsWith(row.Loader, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0) return null;
        if (candidates.Count == 1) return candidates[0].Format;
        var compression = heifCompression();
        return (candidates.FirstOrDefault(row => row.HeifCompression is not null && row.HeifCompression == compression)
                ?? candidates.First(row => row.HeifCompression is null)).Format;
    }
}
