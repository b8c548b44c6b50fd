using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Gaussian blur with the requested sigma (the reference documents the value as sigma). Alpha images are blurred
/// premultiplied so transparent pixels do not bleed their hidden colour into visible ones.
/// </summary>
internal static class VipsBlur
{
    public static Image Apply(Image image, int sigma, ImageScope scope)
    {
        if (sigma <= 0) return image;
        if (!image.HasAlpha()) return image.Gaussblur(sigma);
        var premultiplied = scope.Track(image.Premultiply());
        var blurred = scope.Track(premultiplied.Gaussblur(sigma));
        var unpremultiplied = scope.Track(blurred.Unpremultiply());
        return unpremultiplied.Cast(image.Format);
    }
}
