using Konifer.Core.Images;
using Konifer.Core.Transformations;
using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Adds a border of <c>pad</c> pixels in the padding colour. Formats with alpha get the colour's alpha (an alpha band
/// is added when the colour is not opaque); formats without it get the colour's RGB only, as the reference does.
/// </summary>
internal static class VipsPadding
{
    public static Image Apply(Image image, Padding padding, ImageFormat format, ImageScope scope)
    {
        if (padding.Amount <= 0 || padding.Color is not { } colour) return image;

        // A grey image would turn a coloured border grey: widen it to sRGB first (cs=grayscale, applied later, still
        // greys everything as documented).
        if (image.Bands - (image.HasAlpha() ? 1 : 0) < 3 && !IsGrey(colour))
            image = scope.Track(image.Colourspace(Enums.Interpretation.Srgb));

        var keepsAlpha = format.Info().HasAlpha;
        if (keepsAlpha && colour.A < 255 && !image.HasAlpha())
            image = scope.Track(image.Bandjoin(255.0));

        var amount = padding.Amount;
        return image.Embed(amount, amount, image.Width + 2 * amount, image.Height + 2 * amount,
            extend: Enums.Extend.Background, background: Background(image, colour, keepsAlpha));
    }

    private static double[] Background(Image image, Rgba colour, bool keepsAlpha)
    {
        var hasAlpha = image.HasAlpha();
        var colourBands = image.Bands - (hasAlpha ? 1 : 0);
        var values = new List<double>(image.Bands);
        if (colourBands >= 3) values.AddRange([colour.R, colour.G, colour.B]);
        else values.Add(Math.Round(0.2126 * colour.R + 0.7152 * colour.G + 0.0722 * colour.B));
        if (hasAlpha) values.Add(keepsAlpha ? colour.A : 255);
        return [.. values];
    }

    private static bool IsGrey(Rgba colour) => colour.R == colour.G && colour.G == colour.B;
}
