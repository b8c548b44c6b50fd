namespace Konifer.Client;

/// <summary>
/// What an <c>&lt;img&gt;</c> needs for one entry: <see cref="Src"/> (the largest width), <see cref="Srcset"/> (empty
/// without widths), the delivered image's size, its alt text and its placeholder (a PNG data URL of the ThumbHash,
/// null when the path computes none).
/// </summary>
public sealed record ResponsiveImage(Uri Src, string Srcset, int Width, int Height, string? Alt, string? Placeholder);
