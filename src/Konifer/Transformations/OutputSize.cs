using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>
/// The canonical output size (before padding, in the output's own frame, i.e. after rotation) and fit. A <c>fit</c>
/// box becomes the size the image actually takes inside it, so every request for the same pixels gets one record;
/// fill, crop and stretch boxes with the image's own aspect become plain <c>fit</c>, as they crop nothing.
/// </summary>
internal static class OutputSize
{
    public static (int Width, int Height, Fit Fit) Resolve(int? width, int? height, Fit fit, int sourceWidth, int sourceHeight)
    {
        if (fit != Fit.Fit && (width is null || height is null))
        {
            var missing = width is null && height is null ? "w and h" : width is null ? "w" : "h";
            throw new InvalidTransformationException(TransformationParameters.Fit,
                $"fit={ParameterWords.WordOf(ParameterWords.Fits, fit)} needs both w and h; {missing} missing.");
        }
        switch (width, height)
        {
            case (null, null):
                return (sourceWidth, sourceHeight, Fit.Fit);
            case ({ } w, null):
                return (w, Scale(sourceHeight, w, sourceWidth), Fit.Fit);
            case (null, { } h):
                return (Scale(sourceWidth, h, sourceHeight), h, Fit.Fit);
            case ({ } w, { } h):
                // A box that already has the image's aspect (to the pixel) is an exact resize whatever the mode.
                if (Scale(sourceHeight, w, sourceWidth) == h || Scale(sourceWidth, h, sourceHeight) == w)
                    return (w, h, Fit.Fit);
                if (fit != Fit.Fit) return (w, h, fit);
                return (long)w * sourceHeight < (long)h * sourceWidth
                    ? (w, Scale(sourceHeight, w, sourceWidth), Fit.Fit)
                    : (Scale(sourceWidth, h, sourceHeight), h, Fit.Fit);
        }
    }

    /// <summary><paramref name="length"/> × <paramref name="numerator"/> / <paramref name="denominator"/>, rounded half up, at least 1.</summary>
    private static int Scale(int length, int numerator, int denominator) =>
        (int)Math.Max(1, (2L * length * numerator + denominator) / (2L * denominator));
}
