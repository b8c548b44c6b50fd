using Konifer.Core.Images;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Renders the tiny RGBA picture that placeholder encoders hash. It is shown upright (EXIF orientation applied), as
/// browsers display the image it stands in for.
/// </summary>
internal static class VipsPlaceholders
{
    public static PlaceholderPixels Render(string file, int maxSide)
    {
        using var scope = new ImageScope();
        var image = scope.Track(Image.Thumbnail(file, maxSide, maxSide, size: Enums.Size.Down, failOn: Enums.FailOn.Error));
        image = scope.Track(VipsWorkingSpace.ToEightBit(image));
        if (image.Contains("icc-profile-data") && image.Bands >= 3)
            image = scope.Track(image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Relative));
        if (image.Interpretation != Enums.Interpretation.Srgb)
            image = scope.Track(image.Colourspace(Enums.Interpretation.Srgb));
        if (!image.HasAlpha())
            image = scope.Track(image.Bandjoin(255.0));
        image = scope.Track(image.Cast(Enums.BandFormat.Uchar));
        return new PlaceholderPixels(image.Width, image.Height, image.WriteToMemory<byte>());
    }
}
