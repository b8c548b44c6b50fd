namespace Konifer.Core.Images;

/// <summary>Reads what an image file is (format, size, pages) from its header, without decoding the pixels.</summary>
public interface IImageInspector
{
    /// <summary>Throws <see cref="InvalidImageException"/> when the file is not a supported, readable image.</summary>
    Task<ImageAttributes> InspectAsync(string filePath, CancellationToken cancellationToken);
}
