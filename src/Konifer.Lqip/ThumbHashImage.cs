namespace Konifer.LqipEncoders;

/// <summary>A decoded ThumbHash: a small RGBA preview (not premultiplied) in the original's approximate aspect ratio.</summary>
public sealed record ThumbHashImage(int Width, int Height, byte[] Rgba);
