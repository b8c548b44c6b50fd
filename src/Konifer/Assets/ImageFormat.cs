namespace Konifer.Assets;

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
