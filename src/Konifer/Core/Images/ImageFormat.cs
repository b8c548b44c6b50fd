namespace Konifer.Core.Images;

/// <summary>The image formats the service stores and produces.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    Webp,
    Avif,
    Jxl,
    Heic,
    Gif,
}
