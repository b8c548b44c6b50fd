using NetVips;

namespace Konifer.Imaging;

/// <summary>
/// Brings any decoded image to 8-bit sRGB or 8-bit grey (alpha kept), the one shape every later step and every saver
/// handles; 16-bit, CMYK and Lab inputs would otherwise need special cases in filters, padding and encoders.
/// </summary>
internal static class VipsWorkingSpace
{
    public static Image ToEightBit(Image image)
    {
        var grey = image.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16 || image.Bands <= 2 && !IsColour(image);
        var target = grey ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb;
        if (image.Interpretation == target && image.Format == Enums.BandFormat.Uchar) return image;
        var converted = image.Colourspace(target);
        if (converted.Format == Enums.BandFormat.Uchar) return converted;
        using (converted) return converted.Cast(Enums.BandFormat.Uchar);
    }

    private static bool IsColour(Image image) =>
        image.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Rgb16 or Enums.Interpretation.Rgb
            or Enums.Interpretation.Cmyk or Enums.Interpretation.Lab or Enums.Interpretation.Scrgb;
}
