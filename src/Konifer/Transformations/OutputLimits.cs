using System.Globalization;
using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>
/// The largest output the service agrees to generate, per encoder family (<c>variant-generation.max-output-pixels</c>),
/// on top of each encoder's hard side limit. Checked before a job is queued, so work that is bound to fail or to
/// exhaust memory is refused with a 400 naming the limit rather than started. Counts the whole output: padding
/// included and, for animations, every frame.
/// </summary>
public sealed record OutputLimits(long StreamingMaxPixels, long FullFrameMaxPixels)
{
    public const string StreamingKey = "variant-generation.max-output-pixels.streaming";
    public const string FullFrameKey = "variant-generation.max-output-pixels.full-frame";

    /// <summary>
    /// 64 MP for full-frame encoders (8192², the size limit of a resize; about 1 GB of peak memory for WebP, see
    /// <c>docs/memory.md</c>) and 1 GP for streaming ones, whose memory does not grow with the size.
    /// </summary>
    public static OutputLimits Default { get; } = new(1_000_000_000, 67_108_864);

    /// <summary>The formats whose encoders stream (<c>jpg, png</c>), which messages suggest instead of a full-frame one.</summary>
    internal static string StreamingFormats { get; } =
        string.Join(", ", ImageFormatTable.Rows.Where(row => row.EncoderMemory == EncoderMemory.Streaming).Select(row => row.ShortName));

    public long MaxPixels(ImageFormat format) =>
        format.Info().EncoderMemory == EncoderMemory.Streaming ? StreamingMaxPixels : FullFrameMaxPixels;

    /// <summary>Throws <see cref="InvalidTransformationException"/> when <paramref name="transformation"/> of <paramref name="original"/> is too big.</summary>
    public void Check(Transformation transformation, ImageAttributes original)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(original);
        var format = transformation.Format;
        var width = (long)transformation.Width + 2L * transformation.Padding.Amount;
        var height = (long)transformation.Height + 2L * transformation.Padding.Amount;
        var maxSide = format.Info().MaxSide;
        if (width > maxSide || height > maxSide)
            throw new InvalidTransformationException(width > maxSide ? TransformationParameters.Width : TransformationParameters.Height,
                $"The output would be {width}×{height} px, but the {format.ShortName()} encoder accepts at most {maxSide} px per side; " +
                "ask for a smaller w or h, or another format.");

        var pages = format.OutputPages(original);
        var pixels = width * height * pages;
        var limit = MaxPixels(format);
        if (pixels <= limit) return;
        var streaming = format.Info().EncoderMemory == EncoderMemory.Streaming;
        var key = streaming ? StreamingKey : FullFrameKey;
        var frames = pages > 1 ? $" in {pages} frames" : "";
        var why = streaming ? "" : $" ({format.ShortName()} holds the whole output in memory while encoding)";
        throw new InvalidTransformationException(key,
            $"The output would be {width}×{height} px{frames} = {Megapixels(pixels)} MP, over the limit of {Megapixels(limit)} MP " +
            $"for {format.ShortName()}{why} set by {key}; ask for a smaller w or h" +
            (streaming ? "." : $", or a streaming format ({StreamingFormats})."));
    }

    /// <summary>Null when usable, otherwise a message naming the offending key.</summary>
    public string? Validate()
    {
        if (StreamingMaxPixels < 1) return $"{StreamingKey} must be at least 1, but is {StreamingMaxPixels}.";
        if (FullFrameMaxPixels < 1) return $"{FullFrameKey} must be at least 1, but is {FullFrameMaxPixels}.";
        return null;
    }

    private static string Megapixels(long pixels) => (pixels / 1e6).ToString("0.#", CultureInfo.InvariantCulture);
}
