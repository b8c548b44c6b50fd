using Konifer.Core.Transformations;

namespace Konifer.Core.Images;

/// <summary>
/// What libvips reports about stored image bytes. <c>Loop</c> is null for still images (0 = forever);
/// <c>Orientation</c> is the EXIF orientation (1 = upright), which <c>r=auto</c> resolves against.
/// </summary>
public sealed record ImageAttributes(int Width, int Height, ImageFormat Format, int PageCount, int? Loop, string ColorSpace, int Orientation = 1);
