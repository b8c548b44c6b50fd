using NetVips;

namespace Konifer.Bench.Variants;

/// <summary>
/// The limit: the same thumbnail and encode in this process with nothing around it (no HTTP, no store, no temporary
/// files), with the encoder options the service uses (JPEG with optimized Huffman coding, AVIF at effort 4).
/// </summary>
internal static class LibvipsAlone
{
    public static byte[] Transform(string file, VariantSpec spec)
    {
        using var thumb = spec.Height is { } height
            ? Image.Thumbnail(file, spec.Width, height, crop: Enums.Interesting.Attention)
            : Image.Thumbnail(file, spec.Width);
        return spec.Format switch
        {
            "webp" => thumb.WebpsaveBuffer(q: spec.Quality),
            "jpg" => thumb.JpegsaveBuffer(q: spec.Quality, optimizeCoding: true),
            "avif" => (byte[])Operation.Call("heifsave_buffer",
                new VOption { { "Q", spec.Quality }, { "compression", Enums.ForeignHeifCompression.Av1 }, { "effort", 4 } }, thumb),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Format, "Not a benchmarked format"),
        };
    }
}
