namespace Konifer.Core.Images;

/// <summary>How much transparency a format can store.</summary>
public enum Transparency
{
    /// <summary>None: an image with alpha is flattened before encoding (JPEG).</summary>
    None,

    /// <summary>One bit, a pixel is either opaque or invisible (GIF's palette entry): not enough to default to a transparent pad.</summary>
    OneBit,

    /// <summary>A full alpha channel (PNG, WebP, AVIF, HEIC, JPEG XL).</summary>
    Alpha,
}
