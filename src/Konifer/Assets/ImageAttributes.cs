namespace Konifer.Assets;

/// <summary>What libvips reports about stored image bytes. <c>Loop</c> is null for still images, 0 = forever.</summary>
public sealed record ImageAttributes(int Width, int Height, ImageFormat Format, int PageCount, int? Loop, string ColorSpace);
