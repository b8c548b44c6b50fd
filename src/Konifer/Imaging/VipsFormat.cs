using Konifer.Core.Images;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// What libvips needs to read and write one <see cref="ImageFormat"/>: one row of <see cref="VipsFormatTable"/>. The
/// format's own facts (names, signatures, limits) are in <see cref="ImageFormatTable"/>.
/// </summary>
internal sealed record VipsFormat
{
    public required ImageFormat Format { get; init; }

    /// <summary>The loader's nickname; the <c>vips-loader</c> of an image it read starts with it (<c>_source</c>, <c>_buffer</c>).</summary>
    public required string Loader { get; init; }

    /// <summary>The loader's class (<c>vips -l</c>), which <see cref="VipsLoaderPolicy"/> leaves unblocked; it covers the nickname's variants.</summary>
    public required string LoaderClass { get; init; }

    /// <summary>
    /// When formats share a loader (libheif reads AVIF and HEIC): the <c>heif-compression</c> it reports for this one.
    /// Null for the format a file of the shared loader is taken for when no other row claims its compression.
    /// </summary>
    public string? HeifCompression { get; init; }

    public required string Saver { get; init; }

    /// <summary>The saver's quality option, or null when it has none.</summary>
    public string? QualityOption { get; init; }

    /// <summary>Options that choose the encoder behind a shared saver (AV1 or HEVC): passed on every save and in the start-up check.</summary>
    public IReadOnlyDictionary<string, object> EncoderOptions { get; init; } = new Dictionary<string, object>();

    /// <summary>Options that tune every save but the start-up round trip does without.</summary>
    public IReadOnlyDictionary<string, object> TuningOptions { get; init; } = new Dictionary<string, object>();

    /// <summary>How strictly an upload is decoded: the level at which the loader's remarks fail it.</summary>
    public Enums.FailOn FailOn { get; init; } = Enums.FailOn.Error;

    public required VipsExifRemoval ExifRemoval { get; init; }

    /// <summary>The codec the start-up check proves, named as in <see cref="ImageFormatInfo.Name"/>.</summary>
    public VipsCodec Codec => new(Format.Info().Name, Loader, Saver, EncoderOptions);
}
