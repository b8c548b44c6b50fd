using Konifer.Core.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// The <c>cs</c> parameter. ICC transforms use libvips' built-in <c>srgb</c> and <c>p3</c> profiles; an image without
/// an embedded profile is taken to be sRGB.
/// </summary>
internal static class VipsColorSpaces
{
    private const string IccField = "icc-profile-data";

    public static Image Apply(Image image, ColorSpace colorSpace, ImageScope scope) => colorSpace switch
    {
        ColorSpace.Origin => image,
        ColorSpace.Srgb => WithoutProfile(ToSrgb(image, scope)),
        ColorSpace.P3 => ToP3(image, scope),
        ColorSpace.Grayscale => WithoutProfile(scope.Track(ToSrgb(image, scope).Colourspace(Enums.Interpretation.Bw))),
        _ => throw new ArgumentOutOfRangeException(nameof(colorSpace), colorSpace, "Unknown colour space"),
    };

    /// <summary>Colour-managed when a profile is embedded, a plain conversion otherwise (grey widened to three bands).</summary>
    private static Image ToSrgb(Image image, ImageScope scope)
    {
        if (image.Contains(IccField) && ColourBands(image) >= 3)
            return scope.Track(image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Relative));
        return image.Interpretation == Enums.Interpretation.Srgb ? image : scope.Track(image.Colourspace(Enums.Interpretation.Srgb));
    }

    private static Image ToP3(Image image, ImageScope scope)
    {
        if (ColourBands(image) < 3) image = scope.Track(image.Colourspace(Enums.Interpretation.Srgb));
        // The output carries the P3 profile, which the savers embed.
        return scope.Track(image.IccTransform("p3", embedded: true, inputProfile: "srgb", intent: Enums.Intent.Relative));
    }

    private static Image WithoutProfile(Image image) =>
        image.Contains(IccField) ? image.Mutate(m => m.Remove(IccField)) : image;

    private static int ColourBands(Image image) => image.Bands - (image.HasAlpha() ? 1 : 0);
}
