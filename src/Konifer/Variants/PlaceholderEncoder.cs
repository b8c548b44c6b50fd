using Konifer.Assets;
using Konifer.Imaging;
using Konifer.Imaging.Lqip;
using Konifer.Paths;

namespace Konifer.Variants;

/// <summary>Computes the path's placeholders (BlurHash, ThumbHash) from a small thumbnail of an image file.</summary>
public sealed class PlaceholderEncoder(IImageTransformer transformer)
{
    /// <summary>ThumbHash accepts at most 100×100; BlurHash needs no more detail than that either.</summary>
    private const int MaxSide = PlaceholderImage.MaxWidth;

    /// <param name="attributes">The image file's, for the size of the decode behind the thumbnail.</param>
    public async Task<Lqip> EncodeAsync(string imageFile, ImageAttributes attributes, IReadOnlySet<LqipAlgorithm> algorithms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (algorithms.Count == 0) return Lqip.None;
        PlaceholderPixels pixels;
        try
        {
            pixels = await transformer.RenderPlaceholderPixelsAsync(imageFile, MaxSide, cancellationToken);
        }
        finally
        {
            // HEIC, AVIF, JPEG XL and GIF decode the whole frame even for a 100 px thumbnail.
            LargeDecodeTrim.After((long)attributes.Width * attributes.Height * attributes.PageCount);
        }
        return new Lqip(
            algorithms.Contains(LqipAlgorithm.Blurhash) ? BlurHash.Encode(pixels.Rgba, pixels.Width, pixels.Height, PlaceholderImage.BlurHashComponentsX, PlaceholderImage.BlurHashComponentsY) : null,
            algorithms.Contains(LqipAlgorithm.Thumbhash) ? ThumbHash.EncodeToBase64(pixels.Rgba, pixels.Width, pixels.Height) : null);
    }
}
