namespace Konifer.Core.Images;

/// <summary>
/// Limits on what an uploaded or fetched original may declare, checked from its header before any pixel is decoded,
/// so a tiny file that claims a huge canvas (a decompression bomb) is refused at once. <c>MaxPixels</c> counts every
/// page of an animation; <c>DecodeTimeout</c> bounds the one full decode that proves the file is not truncated.
/// </summary>
public sealed record SourceImageLimits(long MaxPixels, int MaxDimension, TimeSpan DecodeTimeout)
{
    /// <summary>16383 × 16383, the default input limit of sharp (libvips' best-known wrapper).</summary>
    public const long DefaultMaxPixels = 268_402_689;
    public const int DefaultMaxDimension = 16384;
    public static readonly TimeSpan DefaultDecodeTimeout = TimeSpan.FromSeconds(60);

    public const string MaxFramesKey = "source.max-frames";

    /// <summary>
    /// 1000 frames: 40 s of a 25 fps GIF, more than animated stickers, reactions and banners use; every variant
    /// that keeps the animation works through each frame (about 1 ms a frame in the per-frame path on one core,
    /// plus the encoder), so the bound keeps one request's work to seconds however small the frames are.
    /// </summary>
    public const int DefaultMaxFrames = 1000;

    /// <summary><c>source.max-frames</c>: most pages (frames) an animated original may declare.</summary>
    public int MaxFrames { get; init; } = DefaultMaxFrames;

    public static SourceImageLimits Default { get; } = new(DefaultMaxPixels, DefaultMaxDimension, DefaultDecodeTimeout);
}
