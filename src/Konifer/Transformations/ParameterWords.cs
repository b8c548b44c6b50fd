using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>
/// The words each enumerated parameter accepts (case-insensitive), first word being the canonical one written back in
/// queries. The older reference code spells <c>greyscale</c>, so it is accepted next to <c>grayscale</c>.
/// </summary>
internal static class ParameterWords
{
    public static readonly (string Word, Fit Value)[] Fits =
        [("fit", Fit.Fit), ("fill", Fit.Fill), ("stretch", Fit.Stretch), ("crop", Fit.Crop)];

    public static readonly (string Word, Gravity Value)[] Gravities =
        [("center", Gravity.Center), ("entropy", Gravity.Entropy), ("attention", Gravity.Attention)];

    public static readonly (string Word, RequestedRotation Value)[] Rotations =
    [
        ("0", RequestedRotation.Zero), ("90", RequestedRotation.Ninety), ("180", RequestedRotation.OneHundredEighty),
        ("270", RequestedRotation.TwoHundredSeventy), ("auto", RequestedRotation.Auto),
    ];

    public static readonly (string Word, Flip Value)[] Flips = [("none", Flip.None), ("h", Flip.H), ("v", Flip.V)];

    public static readonly (string Word, Filter Value)[] Filters =
    [
        ("none", Filter.None), ("black_white", Filter.BlackWhite), ("grayscale", Filter.Grayscale),
        ("greyscale", Filter.Grayscale), ("sepia", Filter.Sepia),
    ];

    public static readonly (string Word, ColorSpace Value)[] ColorSpaces =
    [
        ("origin", ColorSpace.Origin), ("grayscale", ColorSpace.Grayscale), ("greyscale", ColorSpace.Grayscale),
        ("srgb", ColorSpace.Srgb), ("p3", ColorSpace.P3),
    ];

    public static readonly (string Word, MetadataStrip Value)[] StripBlocks =
        [("exif", MetadataStrip.Exif), ("iptc", MetadataStrip.Iptc), ("xmp", MetadataStrip.Xmp)];

    public static readonly (string Word, ImageFormat Value)[] Formats =
        [.. ImageFormats.All.Select(f => (f.ShortName(), f))];

    public static string WordOf<T>((string Word, T Value)[] words, T value) where T : struct, Enum =>
        words.First(w => EqualityComparer<T>.Default.Equals(w.Value, value)).Word;

    /// <summary>The accepted words for a message, aliases included: "fit, fill, stretch, crop".</summary>
    public static string Describe<T>((string Word, T Value)[] words) => string.Join(", ", words.Select(w => w.Word));
}
