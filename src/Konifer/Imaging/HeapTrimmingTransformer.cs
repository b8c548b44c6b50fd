using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.Variants.Scheduling;

namespace Konifer.Imaging;

/// <summary>
/// After a job estimated above <see cref="Threshold"/>, hands the heap pages its codecs freed back to the operating
/// system: glibc keeps freed memory below its mmap threshold in the arena of the thread that freed it, where another
/// worker's next job cannot use it, so without a trim RSS stays at the high-water mark of every arena.
/// </summary>
public sealed class HeapTrimmingTransformer(IImageTransformer inner) : IImageTransformer
{
    public const long Threshold = 256L << 20;

    public async Task<ImageAttributes> TransformAsync(string sourceFile, ImageAttributes source, Transformation transformation,
        string outputFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        try
        {
            return await inner.TransformAsync(sourceFile, source, transformation, outputFile, cancellationToken);
        }
        finally
        {
            if (MemoryEstimate.For(transformation, source) >= Threshold) NativeHeap.Trim();
        }
    }

    public Task<PlaceholderPixels> RenderPlaceholderPixelsAsync(string imageFile, ImageAttributes image, int maxSide,
        CancellationToken cancellationToken) =>
        inner.RenderPlaceholderPixelsAsync(imageFile, image, maxSide, cancellationToken);
}
