using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>
/// The canonical query string of a transformation, for the <c>link</c> return format: short names in a fixed order,
/// <c>w</c>, <c>h</c> and <c>format</c> always (so <c>Accept</c> cannot change what the link shows), every other
/// parameter only when it differs from its default. Normalizing it against the same original gives the same record.
/// </summary>
public static class TransformationQuery
{
    /// <summary>Percent-encoded, without the leading <c>?</c>.</summary>
    public static string ToQueryString(Transformation transformation)
    {
        var t = transformation;
        var parameters = new List<(string Name, string Value)>
        {
            (TransformationParameters.Width, Number(t.Width)),
            (TransformationParameters.Height, Number(t.Height)),
        };
        if (t.Fit != Fit.Fit) parameters.Add((TransformationParameters.Fit, ParameterWords.WordOf(ParameterWords.Fits, t.Fit)));
        if (t.Gravity != Gravity.Center) parameters.Add((TransformationParameters.Gravity, ParameterWords.WordOf(ParameterWords.Gravities, t.Gravity)));
        parameters.Add((TransformationParameters.Format, ParameterWords.WordOf(ParameterWords.Formats, t.Format)));
        if (t.Rotate != Rotation.Zero) parameters.Add((TransformationParameters.Rotate, ParameterWords.Rotations[(int)t.Rotate].Word));
        if (t.Flip != Flip.None) parameters.Add((TransformationParameters.Flip, ParameterWords.WordOf(ParameterWords.Flips, t.Flip)));
        if (t.Filter != Filter.None) parameters.Add((TransformationParameters.Filter, ParameterWords.WordOf(ParameterWords.Filters, t.Filter)));
        if (t.Blur != 0) parameters.Add((TransformationParameters.Blur, Number(t.Blur)));
        if (t.Format.Info().HasQuality && t.Quality != t.Format.Info().DefaultQuality) parameters.Add((TransformationParameters.Quality, Number(t.Quality)));
        if (t.Padding.Amount > 0)
        {
            parameters.Add((TransformationParameters.Pad, Number(t.Padding.Amount)));
            if (t.Padding.Color is { } color && color != t.Format.Info().DefaultPadColor)
                parameters.Add((TransformationParameters.PadColor, HexColor.Format(color)));
        }
        if (t.Strip != MetadataStrip.None)
            parameters.Add((TransformationParameters.Strip,
                string.Join(',', ParameterWords.StripBlocks.Where(b => t.Strip.HasFlag(b.Value)).Select(b => b.Word))));
        if (t.ColorSpace != ColorSpace.Origin) parameters.Add((TransformationParameters.ColorSpace, ParameterWords.WordOf(ParameterWords.ColorSpaces, t.ColorSpace)));
        return string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
