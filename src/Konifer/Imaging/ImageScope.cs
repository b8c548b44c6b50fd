using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Owns the intermediate images of one pipeline run. Each step wraps a new libvips image that references the previous
/// one natively, so the managed wrappers can all be released together once the output is written.
/// </summary>
internal sealed class ImageScope : IDisposable
{
    private readonly HashSet<Image> _images = new(ReferenceEqualityComparer.Instance);

    public Image Track(Image image)
    {
        _images.Add(image);
        return image;
    }

    public void Dispose()
    {
        foreach (var image in _images) image.Dispose();
        _images.Clear();
    }
}
