using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Http.Responses;

/// <summary>
/// A variant's canonical transformation in the reference's JSON words (lower-case enum names, <c>rotate</c> spelled
/// out, padding colour as [r, g, b, a]); <c>strip</c> and <c>colorSpace</c> are ours.
/// </summary>
public sealed record TransformationResponse(
    int Width,
    int Height,
    string Fit,
    string Gravity,
    string Format,
    string Rotate,
    string Flip,
    string Filter,
    int Blur,
    int Quality,
    PaddingResponse Padding,
    IReadOnlyList<string> Strip,
    string ColorSpace)
{
    public static TransformationResponse From(Transformation t) => new(
        t.Width,
        t.Height,
        t.Fit.ToString().ToLowerInvariant(),
        t.Gravity.ToString().ToLowerInvariant(),
        t.Format.ShortName(),
        t.Rotate switch
        {
            Rotation.Ninety => "ninety",
            Rotation.OneHundredEighty => "one_hundred_eighty",
            Rotation.TwoHundredSeventy => "two_hundred_seventy",
            _ => "zero",
        },
        t.Flip.ToString().ToLowerInvariant(),
        t.Filter switch
        {
            Konifer.Core.Transformations.Filter.BlackWhite => "black_white",
            _ => t.Filter.ToString().ToLowerInvariant(),
        },
        t.Blur,
        t.Quality,
        new PaddingResponse(t.Padding.Amount, t.Padding.Color is { } c ? [c.R, c.G, c.B, c.A] : []),
        Enum.GetValues<MetadataStrip>().Where(s => s != MetadataStrip.None && t.Strip.HasFlag(s)).Select(s => s.ToString().ToLowerInvariant()).ToArray(),
        t.ColorSpace.ToString().ToLowerInvariant());
}

public sealed record PaddingResponse(int Amount, IReadOnlyList<int> Color);
