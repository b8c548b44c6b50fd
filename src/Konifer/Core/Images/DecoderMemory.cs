namespace Konifer.Core.Images;

/// <summary>
/// How a source format's decoder uses memory when libvips shrinks it, which decides what a job reserves and whether
/// it counts as large. Measured on libvips 8.14 (see <c>docs/memory.md</c>).
/// </summary>
public enum DecoderMemory
{
    /// <summary>Memory does not grow with the source: JPEG shrinks while decoding, PNG decodes line by line.</summary>
    Streaming,

    /// <summary>Decodes a whole frame, but scaled to what the output needs (libwebp): a thumbnail costs little.</summary>
    ScaledFrame,

    /// <summary>Decodes the whole source frame before libvips can shrink it, even for a thumbnail (libheif for AVIF and HEIC, libjxl, GIF).</summary>
    FullFrame,
}
