using Konifer.Core.Images;
using Konifer.Core.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Reads the attributes of a file the pipeline has just written, from its header only (no pixel decode), so they
/// describe what the saver actually produced.
/// </summary>
internal static class VipsOutputInspector
{
    public static ImageAttributes Read(string file, ImageFormat format, ColorSpace requested)
    {
        var animatable = format.Info().CanAnimate;
        var kwargs = animatable ? new VOption { { "n", -1 } } : null;
        using var image = Image.NewFromFile(file, access: Enums.Access.Sequential, kwargs: kwargs);
        var pages = image.Contains("n-pages") ? Math.Max(1, (int)image.Get("n-pages")) : 1;
        var height = pages > 1 ? AnimatedFrames.PageHeight(image) : image.Height;
        int? loop = animatable ? (image.Contains("loop") ? (int)image.Get("loop") : 0) : null;
        var orientation = image.Contains("orientation") ? Math.Clamp((int)image.Get("orientation"), 1, 8) : 1;
        return new ImageAttributes(image.Width, height, format, pages, loop, ColorSpaceName(image, requested), orientation);
    }

    /// <summary>Same names as the upload inspector; P3 is only visible in the embedded profile, so it is named as requested.</summary>
    private static string ColorSpaceName(Image image, ColorSpace requested) =>
        requested == ColorSpace.P3 ? "p3" : VipsImageInspector.ColorSpaceName(image.Interpretation);
}
