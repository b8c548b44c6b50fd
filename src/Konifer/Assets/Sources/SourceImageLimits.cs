namespace Konifer.Assets.Sources;

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

    public static SourceImageLimits Default { get; } = new(DefaultMaxPixels, DefaultMaxDimension, DefaultDecodeTimeout);
}
