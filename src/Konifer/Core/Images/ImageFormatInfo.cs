using Konifer.Core.Transformations;

namespace Konifer.Core.Images;

/// <summary>
/// Everything the service knows about one <see cref="ImageFormat"/> that does not depend on the imaging library: one row
/// of <see cref="ImageFormatTable"/>. What libvips needs (loader, saver, options) is in the Imaging adapter's own table.
/// </summary>
public sealed record ImageFormatInfo
{
    public required ImageFormat Format { get; init; }

    /// <summary>The name people read in messages and logs (<c>JPEG XL</c>).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The names accepted for the format in the <c>format</c> parameter and in configuration, lower case; the first is
    /// the short name written in JSON and in canonical queries (<c>jpg</c>), the others are aliases (<c>jpeg</c>).
    /// </summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>The media types accepted for the format, lower case; the first is the one served (<c>image/jpeg</c>).</summary>
    public required IReadOnlyList<string> MediaTypes { get; init; }

    /// <summary>File extension with the dot; JPEG uses <c>.jpeg</c> as the reference does.</summary>
    public required string Extension { get; init; }

    /// <summary>The magic numbers a file of this format starts with; any one of them identifies it.</summary>
    public IReadOnlyList<FileSignature> Signatures { get; init; } = [];

    /// <summary>
    /// For formats in the ISO base media file format (the HEIF container AVIF and HEIC share): the <c>ftyp</c> brands
    /// that identify it, as the major brand or, failing that, a compatible one.
    /// </summary>
    public IReadOnlyList<string> IsoBmffBrands { get; init; } = [];

    public required Transparency Transparency { get; init; }

    /// <summary>Keeps several frames with delays and a loop count (animated GIF and WebP).</summary>
    public required bool CanAnimate { get; init; }

    /// <summary>Whether <c>q</c> changes the output; for the others the quality is always <see cref="DefaultQuality"/>.</summary>
    public required bool HasQuality { get; init; }

    /// <summary>The reference's defaults (Sharp's recommendations); 100 for the lossless or palette formats.</summary>
    public required int DefaultQuality { get; init; }

    /// <summary>How the encoder uses memory, which decides its output pixel limit and its share of the memory budget.</summary>
    public required EncoderMemory EncoderMemory { get; init; }

    /// <summary>
    /// The longest side the encoder accepts, its own hard limit: an output past it is refused before any work instead
    /// of failing after minutes of decoding.
    /// </summary>
    public required int MaxSide { get; init; }

    /// <summary>How the decoder uses memory when libvips shrinks a source of this format.</summary>
    public required DecoderMemory DecoderMemory { get; init; }

    /// <summary>The short name written in JSON and in the <c>format</c> parameter (<c>jpg</c>, <c>png</c>, …).</summary>
    public string ShortName => Names[0];

    public string MediaType => MediaTypes[0];

    /// <summary>Padding defaults to transparent only with a full alpha channel; GIF's one-bit transparency does not count, as in the reference.</summary>
    public bool HasAlpha => Transparency == Transparency.Alpha;

    public Rgba DefaultPadColor => HasAlpha ? new Rgba(0, 0, 0, 0) : new Rgba(255, 255, 255, 255);
}
