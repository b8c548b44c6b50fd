using NetVips;

namespace Konifer.Imaging;

/// <summary>A format the service reads and writes: its libvips loader and saver, and the saver's options.</summary>
internal sealed record VipsCodec(string Name, string Loader, string Saver, IReadOnlyDictionary<string, object>? SaveOptions = null)
{
    /// <summary>Every format the service advertises (uploads, <c>?format=</c>). AVIF and HEIC share libheif but
    /// need different encoders (AV1 and HEVC), so each is checked on its own.</summary>
    public static readonly IReadOnlyList<VipsCodec> Advertised =
    [
        new("JPEG", "jpegload", "jpegsave"),
        new("PNG", "pngload", "pngsave"),
        new("WebP", "webpload", "webpsave"),
        new("AVIF", "heifload", "heifsave", new Dictionary<string, object> { ["compression"] = Enums.ForeignHeifCompression.Av1 }),
        new("HEIC", "heifload", "heifsave", new Dictionary<string, object> { ["compression"] = Enums.ForeignHeifCompression.Hevc }),
        new("JPEG XL", "jxlload", "jxlsave"),
        new("GIF", "gifload", "gifsave"),
    ];
}
