using Konifer.Core.Transformations;

namespace Konifer.Core.Images;

/// <summary>
/// Makes a variant file from an original file. Variants are produced file to file so that large images never sit
/// whole in managed memory; the image engine behind this port is an adapter (libvips today).
/// </summary>
public interface IImageTransformer
{
    /// <summary>
    /// Applies a normalized <paramref name="transformation"/> to <paramref name="sourceFile"/> (described by
    /// <paramref name="source"/>) and writes the result to <paramref name="outputFile"/>. Steps run in this order:
    /// resize (fit, fill, stretch or crop to Width×Height, in the source's stored orientation), rotate clockwise, then
    /// flip horizontally, filter, blur, padding, colour space, metadata strip, encode. Returns what was written
    /// (height is per page for animations).
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    Task<ImageAttributes> TransformAsync(string sourceFile, ImageAttributes source, Transformation transformation, string outputFile,
        CancellationToken cancellationToken);

    /// <summary>
    /// Renders the first page of <paramref name="imageFile"/>, shown upright, as 8-bit sRGB RGBA pixels no larger than
    /// <paramref name="maxSide"/> on either side, for placeholder (LQIP) encoders. <paramref name="image"/> are the
    /// file's attributes (some decoders hold the whole frame even for a tiny thumbnail; the engine frees that after).
    /// </summary>
    Task<PlaceholderPixels> RenderPlaceholderPixelsAsync(string imageFile, ImageAttributes image, int maxSide, CancellationToken cancellationToken);
}
