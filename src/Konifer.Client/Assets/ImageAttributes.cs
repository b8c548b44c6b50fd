namespace Konifer.Client;

/// <summary>What an image is: its size in pixels, format (<c>jpg</c>, <c>webp</c>, …), pages (frames) and colour space.</summary>
public sealed record ImageAttributes(int Height, int Width, string Format, int PageCount, int? Loop, string ColorSpace);
