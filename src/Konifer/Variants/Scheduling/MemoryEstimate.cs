using System.Collections.Frozen;
using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Variants.Scheduling;

/// <summary>
/// The peak memory one generation job is expected to add to the server's RSS, which it reserves from the scheduler's
/// budget while it runs. Must be an upper bound: over-estimating only delays a job, under-estimating can get the
/// process killed. Every figure is a job's peak RSS above the idle server, measured inside the server, one job per
/// fresh process (<c>bench/memory --per-job</c>; the table is in <c>docs/memory.md</c>), rounded up.
/// </summary>
public static class MemoryEstimate
{
    /// <summary>
    /// libvips' tile buffers, per-thread state and the glue of any job: a full-size PNG of a 64 MP JPEG (streaming
    /// in and out) adds 23 MB, a 400 px thumbnail 9 MB; this does not grow with the image.
    /// </summary>
    public const long StreamingWorkingSet = 48L << 20;

    /// <summary>
    /// Peak bytes per pixel of a loader that decodes the whole frame (libheif for AVIF and HEIC, libjxl, GIF, libwebp):
    /// 5.8 to 7.0 for 400 px thumbnails of 4 and 16 MP sources, over a fixed part the working set covers.
    /// </summary>
    private const int BytesPerDecodedPixel = 8;

    public static long For(Transformation transformation, ImageAttributes original)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(original);
        var pages = transformation.Format.OutputPages(original);
        var width = (long)transformation.Width + 2L * transformation.Padding.Amount;
        var height = (long)transformation.Height + 2L * transformation.Padding.Amount;
        var outputPixels = width * height * pages;
        var (fixedCost, perPixel) = Encoder(transformation.Format, transformation.Quality);
        var encoder = perPixel == 0 ? 0 : fixedCost + outputPixels * perPixel;
        var decoder = DecodedPixels(original, width, height) * pages * BytesPerDecodedPixel;
        return StreamingWorkingSet + encoder + decoder + RandomAccessCopy(transformation) + AnimationCanvas(outputPixels, pages);
    }

    /// <summary>
    /// What an encoder needs beyond the working set: a fixed part and bytes per output pixel (every frame, padding
    /// included). Measured at two sizes each (JPEG, PNG, WebP, GIF at 16 and 64 MP; HEIC at 4 and 16; JPEG XL and
    /// AVIF at 4, 16 and 36), over the working set, rounded up. Tuning figures of libvips 8.14's encoders, so they stay
    /// here rather than in the format table.
    /// </summary>
    private static readonly FrozenDictionary<ImageFormat, EncoderCost> Encoders = new Dictionary<ImageFormat, EncoderCost>
    {
        // optimize_coding makes libjpeg keep every DCT coefficient until the Huffman tables are built: 2 bytes per
        // coefficient, chroma subsampled (4:2:0) below q 90, not from 90 up (libvips' default). 3.2 and 6.3 measured.
        [ImageFormat.Jpeg] = new(0, 4, PerPixelFromQuality90: 7),
        // Streams: 23 MB at 64 MP, whatever the size.
        [ImageFormat.Png] = new(0, 0),
        // The RGBA frame plus libwebp's ARGB/YUV picture: 5.1 at 64 MP, 5.7 at 16.
        [ImageFormat.Webp] = new(0, 6),
        // The frame plus the palette search (libimagequant): 12.7 at 64 MP, 12.9 at 16.
        [ImageFormat.Gif] = new(0, 14),
        // libheif + x265: 16.3 per pixel over a small fixed part.
        [ImageFormat.Heic] = new(0, 18),
        // libjxl: 86.7 at 36 MP, 86.5 at 16, 77.7 at 4.
        [ImageFormat.Jxl] = new(0, 92),
        // libheif + libaom: about 85 per pixel (reconstruction and look-ahead frames) over 150 MB of encoder set-up.
        [ImageFormat.Avif] = new(160_000_000, 92),
    }.ToFrozenDictionary();

    /// <summary>An encoder's fixed part and bytes per output pixel; some need more per pixel from quality 90 up.</summary>
    private readonly record struct EncoderCost(long Fixed, long PerPixel, long? PerPixelFromQuality90 = null)
    {
        public long PerPixelAt(int quality) => quality >= 90 && PerPixelFromQuality90 is { } high ? high : PerPixel;
    }

    /// <summary>The formats the encoder figures cover, for the test that every format has one.</summary>
    internal static IEnumerable<ImageFormat> MeasuredEncoders => Encoders.Keys;

    private static (long Fixed, long PerPixel) Encoder(ImageFormat format, int quality) =>
        Encoders.TryGetValue(format, out var cost)
            ? (cost.Fixed, cost.PerPixelAt(quality))
            : throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format");

    /// <summary>
    /// An animation kept as an animation whose frames need geometry steps is drawn frame by frame into one in-memory
    /// canvas of the output strip (<c>AnimatedFrames.Assemble</c>): 4 bytes a pixel at most (8-bit RGBA), every frame
    /// and padding included. Counted for every animated output, since the estimate must be an upper bound.
    /// </summary>
    private static long AnimationCanvas(long outputPixels, int pages) => pages > 1 ? outputPixels * 4 : 0;

    /// <summary>
    /// The random-access copy of the resized frame that turns, flips and blurs need (see
    /// <see cref="Transformation.ReadsOutOfOrder"/>): in memory up to
    /// <see cref="Transformation.RandomAccessCopyInMemoryLimit"/>, through a temporary file above it. Counted at 8
    /// bytes a pixel (16-bit RGBA, the widest frame a source gives) up to that limit.
    /// </summary>
    public static long RandomAccessCopy(Transformation transformation)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        if (!transformation.ReadsOutOfOrder) return 0;
        var frameBytes = (long)transformation.Width * transformation.Height * 8;
        return Math.Min(frameBytes, Transformation.RandomAccessCopyInMemoryLimit);
    }

    /// <summary>
    /// Pixels a loader holds at once (see <see cref="DecoderMemory"/>). libheif (AVIF, HEIC), libjxl and GIF decode
    /// the whole source frame before libvips can shrink it, even for a thumbnail. libwebp decodes a whole frame too,
    /// but scaled to what the output needs (a full-size JPEG of a 16 MP WebP adds 112 MB over its encoder, a thumbnail
    /// nothing): bounded here by the scale that makes the source's short side cover the output's long side, whatever
    /// the fit and rotation. JPEG shrinks while decoding and PNG decodes line by line: nothing.
    /// </summary>
    private static long DecodedPixels(ImageAttributes original, long width, long height)
    {
        var source = (long)original.Width * original.Height;
        switch (original.Format.Info().DecoderMemory)
        {
            case DecoderMemory.FullFrame:
                return source;
            case DecoderMemory.ScaledFrame:
                var scale = Math.Min(1.0, (double)Math.Max(width, height) / Math.Max(1, Math.Min(original.Width, original.Height)));
                return (long)Math.Ceiling(source * scale * scale);
            default:
                return 0;
        }
    }
}
