using Konifer.Core.Transformations;

namespace Konifer.Core.Images;

/// <summary>
/// A small picture for placeholder encoders (BlurHash, ThumbHash): <see cref="Rgba"/> holds Width×Height pixels,
/// row by row, four bytes each (red, green, blue, alpha), sRGB, not premultiplied.
/// </summary>
public sealed record PlaceholderPixels(int Width, int Height, byte[] Rgba);
