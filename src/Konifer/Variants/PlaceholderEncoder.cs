using Konifer.Core.Images;
using Konifer.Core.Transformations;
using Konifer.LqipEncoders;
using Konifer.Paths;

namespace Konifer.Variants;

/// <summary>Computes the path's placeholders (BlurHash, ThumbHash) from a small thumbnail of an image file.</summary>
public sealed class PlaceholderEncoder(IImageTransformer transformer)
{
    /// <summary>ThumbHash accepts at most 100×100; BlurHash needs no more detail than that either.</summary>
    private const int MaxSide = PlaceholderImage.MaxWidth;

    /// <param name="attributes">The image file's (the engine frees a large decode behind the thumbnail).</param>
    public async Task<Lqip> EncodeAsync(string imageFile, ImageAttributes attributes, IReadOnlySet<LqipAlgorithm> algorithms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (algorithms.Count == 0) return Lqip.None;
        var pixels = await transformer.RenderPlaceholderPixelsAsync(imageFile, attributes, MaxSide, cancellationToken);
        return new Lqip(
            algorithms.Contains(LqipAlgorithm.Blurhash) ? BlurHash.Encode(pixels.Rgba, pixels.Width, pixels.Height, PlaceholderImage.BlurHashComponentsX, PlaceholderImage.BlurHashComponentsY) : null,
            algorithms.Contains(LqipAlgorithm.Thumbhash) ? ThumbHash.EncodeToBase64(pixels.Rgba, pixels.Width, pixels.Height) : null);
    }
}
