using Konifer.Core.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// The <c>filter</c> effects on 8-bit images. Matrices work on the sRGB values (as CSS filters do); alpha is set aside
/// and joined back unchanged.
/// </summary>
internal static class VipsFilters
{
    /// <summary>Threshold on grey level: above this is white, the rest black.</summary>
    private const double BlackWhiteThreshold = 128;

    private static readonly double[,] Grayscale =
    {
        { 0.2126, 0.7152, 0.0722 },
        { 0.2126, 0.7152, 0.0722 },
        { 0.2126, 0.7152, 0.0722 },
    };

    /// <summary>The CSS <c>sepia(100%)</c> matrix.</summary>
    private static readonly double[,] Sepia =
    {
        { 0.393, 0.769, 0.189 },
        { 0.349, 0.686, 0.168 },
        { 0.272, 0.534, 0.131 },
    };

    public static Image Apply(Image image, Filter filter, ImageScope scope) => filter switch
    {
        Filter.None => image,
        Filter.BlackWhite => BlackWhite(image, scope),
        Filter.Grayscale => Recombine(image, Grayscale, scope),
        Filter.Sepia => Recombine(image, Sepia, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Unknown filter"),
    };

    /// <summary>One grey band of 0 or 255 (plus alpha), as the reference produces.</summary>
    private static Image BlackWhite(Image image, ImageScope scope)
    {
        var (colour, alpha) = Split(image, scope);
        var grey = scope.Track(colour.Colourspace(Enums.Interpretation.Bw));
        var thresholded = scope.Track(scope.Track(grey > BlackWhiteThreshold).Copy(interpretation: Enums.Interpretation.Bw));
        return alpha is null ? thresholded : thresholded.Bandjoin(alpha);
    }

    /// <summary>Three bands stay three bands (a grey input is widened first), so later colour padding keeps its colour.</summary>
    private static Image Recombine(Image image, double[,] matrix, ImageScope scope)
    {
        var (colour, alpha) = Split(image, scope);
        if (colour.Bands < 3) colour = scope.Track(colour.Colourspace(Enums.Interpretation.Srgb));
        var mixed = scope.Track(colour.Recomb(scope.Track(Image.NewFromArray(matrix))));
        var rounded = scope.Track(scope.Track(mixed + 0.5).Cast(Enums.BandFormat.Uchar));
        var srgb = scope.Track(rounded.Copy(interpretation: Enums.Interpretation.Srgb));
        return alpha is null ? srgb : srgb.Bandjoin(alpha);
    }

    private static (Image Colour, Image? Alpha) Split(Image image, ImageScope scope)
    {
        if (!image.HasAlpha()) return (image, null);
        var colourBands = image.Bands - 1;
        return (scope.Track(image.ExtractBand(0, colourBands)), scope.Track(image.ExtractBand(colourBands)));
    }
}
