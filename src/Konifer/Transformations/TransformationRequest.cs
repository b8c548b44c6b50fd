using System.Globalization;
using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>
/// Reads transformation parameters from a fetch query, a variant profile or a preprocessing block into a
/// <see cref="RequestedTransformation"/>. Names are case-sensitive (as in the reference), words are not. A bad value
/// throws <see cref="InvalidTransformationException"/> naming the parameter, the value and what is allowed.
/// </summary>
public static class TransformationRequest
{
    /// <summary>A fetch query: keys that are not transformation parameters (labels, <c>limit</c>, …) are ignored.</summary>
    public static RequestedTransformation Parse(IReadOnlyDictionary<string, string> query) => Read(query, Source.Query);

    /// <summary>A profile's parameters: every key must be a transformation parameter (no nested <c>profile</c>).</summary>
    public static RequestedTransformation ParseProfile(IReadOnlyDictionary<string, string> parameters) =>
        Read(parameters, Source.Profile);

    /// <summary>
    /// <c>transform.preprocessing</c>: every transformation parameter (<c>format</c> also as a media type such as
    /// <c>image/avif</c>), <c>profile</c> (ours), <c>clamp-width</c> and <c>clamp-height</c> (or their older names
    /// <c>max-width</c>, <c>max-height</c>); any other key is refused so a typo does not silently do nothing.
    /// </summary>
    public static RequestedTransformation ParsePreprocessing(IReadOnlyDictionary<string, string> parameters) =>
        Read(parameters, Source.Preprocessing);

    private enum Source { Query, Profile, Preprocessing }

    private static RequestedTransformation Read(IReadOnlyDictionary<string, string> parameters, Source source)
    {
        var request = RequestedTransformation.None;
        foreach (var (name, value) in parameters)
        {
            request = name switch
            {
                TransformationParameters.Width => request with { Width = Integer(name, value, 1, TransformationLimits.MaxDimension) },
                TransformationParameters.Height => request with { Height = Integer(name, value, 1, TransformationLimits.MaxDimension) },
                TransformationParameters.Fit => request with { Fit = Word(name, value, ParameterWords.Fits) },
                TransformationParameters.Gravity => request with { Gravity = Word(name, value, ParameterWords.Gravities) },
                TransformationParameters.Format => request with { Format = Format(name, value, source == Source.Preprocessing) },
                TransformationParameters.Rotate => request with { Rotate = Word(name, value, ParameterWords.Rotations) },
                TransformationParameters.Flip => request with { Flip = Word(name, value, ParameterWords.Flips) },
                TransformationParameters.Filter => request with { Filter = Word(name, value, ParameterWords.Filters) },
                TransformationParameters.Blur => request with { Blur = Integer(name, value, 0, TransformationLimits.MaxBlur) },
                TransformationParameters.Quality => request with { Quality = Integer(name, value, TransformationLimits.MinQuality, TransformationLimits.MaxQuality) },
                TransformationParameters.Pad => request with { Pad = Integer(name, value, 0, TransformationLimits.MaxPadding) },
                TransformationParameters.PadColor => request with { PadColor = Color(name, value) },
                TransformationParameters.Strip => request with { Strip = Strip(name, value) },
                TransformationParameters.ColorSpace => request with { ColorSpace = Word(name, value, ParameterWords.ColorSpaces) },
                TransformationParameters.Profile when source != Source.Profile => request with { Profile = ProfileName(name, value) },
                TransformationParameters.ClampWidth or TransformationParameters.MaxWidth when source == Source.Preprocessing =>
                    request with { ClampWidth = Integer(name, value, 1, TransformationLimits.MaxDimension) },
                TransformationParameters.ClampHeight or TransformationParameters.MaxHeight when source == Source.Preprocessing =>
                    request with { ClampHeight = Integer(name, value, 1, TransformationLimits.MaxDimension) },
                _ when source == Source.Query => request,
                _ => throw Unknown(name, source),
            };
        }
        return request;
    }

    private static int Integer(string name, string value, int min, int max)
    {
        var text = value.Trim();
        var isInteger = text.Length > 0 && text.Skip(text[0] == '-' ? 1 : 0).All(char.IsAsciiDigit) && text != "-";
        if (!isInteger)
            throw new InvalidTransformationException(name, $"'{value}' is not a valid value for {name}: expected an integer from {min} to {max}.");
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            throw new InvalidTransformationException(name, $"{name}={value} is out of range: expected an integer from {min} to {max}.");
        return (int)number;
    }

    private static T Word<T>(string name, string value, (string Word, T Value)[] words) where T : struct, Enum
    {
        foreach (var (word, parsed) in words)
            if (string.Equals(word, value.Trim(), StringComparison.OrdinalIgnoreCase)) return parsed;
        throw new InvalidTransformationException(name, $"'{value}' is not a valid value for {name}: expected one of {ParameterWords.Describe(words)}.");
    }

    private static ImageFormat Format(string name, string value, bool mediaTypeToo = false)
    {
        if (ImageFormats.TryParseShortName(value, out var format)) return format;
        if (mediaTypeToo && ImageFormats.TryParseMediaType(value.Trim(), out var byMediaType)) return byMediaType.Value;
        throw new InvalidTransformationException(name, $"'{value}' is not a valid value for {name}: expected one of {ParameterWords.Describe(ParameterWords.Formats)}.");
    }

    private static Rgba Color(string name, string value) =>
        HexColor.TryParse(value.Trim(), out var color)
            ? color
            : throw new InvalidTransformationException(name, $"'{value}' is not a valid value for {name}: expected a hex colour #RGB, #RGBA, #RRGGBB or #RRGGBBAA (write # as %23 in a URL).");

    private static MetadataStrip Strip(string name, string value)
    {
        var blocks = value.Split(',', StringSplitOptions.TrimEntries);
        var strip = MetadataStrip.None;
        foreach (var block in blocks)
        {
            var match = ParameterWords.StripBlocks.Where(w => string.Equals(w.Word, block, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (match.Length == 0)
                throw new InvalidTransformationException(name, $"'{value}' is not a valid value for {name}: expected a comma-separated list of {ParameterWords.Describe(ParameterWords.StripBlocks)}.");
            strip |= match[0].Value;
        }
        return strip;
    }

    private static string ProfileName(string name, string value) =>
        value.Trim().Length > 0
            ? value.Trim()
            : throw new InvalidTransformationException(name, $"'{value}' is not a valid value for {name}: expected the name of a configured variant profile.");

    private static InvalidTransformationException Unknown(string name, Source source)
    {
        var allowed = source == Source.Preprocessing
            ? [.. TransformationParameters.Transforming, TransformationParameters.Profile, TransformationParameters.ClampWidth, TransformationParameters.ClampHeight]
            : TransformationParameters.Transforming;
        var where = source == Source.Preprocessing ? "a preprocessing block" : "a variant profile";
        return new InvalidTransformationException(name, $"'{name}' is not a parameter of {where}: expected one of {string.Join(", ", allowed)}.");
    }
}
