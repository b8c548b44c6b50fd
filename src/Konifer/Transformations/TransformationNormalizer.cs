using Konifer.Core.Images;
using Konifer.Core.Transformations;

namespace Konifer.Transformations;

/// <summary>
/// Turns a requested transformation into its canonical <see cref="Transformation"/> against the original's attributes,
/// so that equivalent requests give equal records (the variant cache key). Null means "the original variant".
/// </summary>
/// <remarks>
/// Choices where the reference or the issue is silent:
/// <list type="bullet">
/// <item><c>w</c>/<c>h</c> apply to the output frame: after <c>r=90</c> on a 200×100 image, <c>w=50</c> means 50 px wide
/// of the 100×200 rotated image. The record's size is that output size (before padding); the engine rotates, then resizes.</item>
/// <item><c>fit</c> enlarges as the reference does (it allows upscaling on fetch); only preprocessing's
/// <c>clamp-width</c>/<c>clamp-height</c> make it downscale-only.</item>
/// <item>A request without any parameter is negotiated too (issue 12): <c>Accept: image/webp</c> alone asks for the
/// original in WebP, exactly as <c>?format=webp</c> would; no header, <c>image/*</c>, <c>*/*</c> or the original's own
/// type keep the original (<see cref="NegotiateOriginal"/>).</item>
/// <item>Gravity only matters for <c>fit=crop</c>; elsewhere it is <c>center</c>, and <c>crop</c> with <c>center</c> is <c>fill</c>.</item>
/// </list>
/// </remarks>
public static class TransformationNormalizer
{
    /// <summary>
    /// A fetch: the profile (if any) under the explicit parameters, the format from <c>format</c> or <c>Accept</c>
    /// (among <paramref name="negotiable"/> formats; all when null).
    /// </summary>
    /// <param name="refuseUnacceptable">
    /// False for answers that are not the image itself (<c>link</c>, <c>redirect</c>): an <c>Accept</c> that names no
    /// format we produce keeps the original's format there instead of being refused.
    /// </param>
    public static Transformation? Normalize(RequestedTransformation requested, VariantProfiles profiles, ImageAttributes original, string? acceptHeader,
        IReadOnlyCollection<ImageFormat>? negotiable = null, bool refuseUnacceptable = true)
    {
        if (requested.IsEmpty) return null;
        var merged = WithProfile(requested, profiles);
        var format = merged.Format ?? Negotiate(acceptHeader, original.Format, negotiable ?? ImageFormats.All, refuseUnacceptable);
        return Canonical(merged, format, original);
    }

    /// <summary>
    /// A fetch without parameters: the original in the format <c>Accept</c> prefers (null = the original itself). The
    /// original's own format is always a candidate, even where a signed URL narrows the others: serving the original
    /// produces nothing new.
    /// </summary>
    public static Transformation? NegotiateOriginal(ImageAttributes original, string? acceptHeader, IReadOnlyCollection<ImageFormat>? negotiable = null,
        bool refuseUnacceptable = true)
    {
        if (acceptHeader is null) return null;
        var candidates = (negotiable ?? ImageFormats.All).Append(original.Format).Distinct().ToArray();
        return Canonical(RequestedTransformation.None, Negotiate(acceptHeader, original.Format, candidates, refuseUnacceptable), original);
    }

    internal static ImageFormat Negotiate(string? acceptHeader, ImageFormat original, IReadOnlyCollection<ImageFormat> available, bool refuseUnacceptable) =>
        refuseUnacceptable
            ? ContentNegotiation.Choose(acceptHeader, original, available)
            : ContentNegotiation.ChooseOrOriginal(acceptHeader, original, available);

    /// <summary>
    /// <c>transform.preprocessing</c> for an upload: the box is <c>w</c> or else <c>clamp-width</c>, <c>h</c> or else
    /// <c>clamp-height</c>; with either clamp set nothing is enlarged. The format is the block's, the profile's or the upload's.
    /// </summary>
    public static Transformation? NormalizePreprocessing(RequestedTransformation requested, VariantProfiles profiles, ImageAttributes original)
    {
        if (requested.IsEmpty) return null;
        var merged = WithProfile(requested, profiles);
        return Canonical(merged, merged.Format ?? original.Format, original);
    }

    /// <summary>The canonical transformations of the named profiles (e.g. a path's eager variants); profiles that amount to the original are left out.</summary>
    public static IReadOnlyList<Transformation> NormalizeProfiles(IEnumerable<string> names, VariantProfiles profiles, ImageAttributes original) =>
        [.. names
            .Select(name => Normalize(new RequestedTransformation { Profile = name }, profiles, original, acceptHeader: null))
            .OfType<Transformation>()
            .Distinct()];

    internal static RequestedTransformation WithProfile(RequestedTransformation requested, VariantProfiles profiles)
    {
        if (requested.Profile is not { } name) return requested;
        if (!profiles.TryGet(name, out var parameters))
        {
            var known = profiles.Count == 0 ? "no profiles are configured" : $"configured profiles: {string.Join(", ", profiles.Names.Order(StringComparer.Ordinal))}";
            throw new InvalidTransformationException(TransformationParameters.Profile, $"Unknown variant profile '{name}' ({known}).");
        }
        RequestedTransformation profile;
        try
        {
            profile = TransformationRequest.ParseProfile(parameters);
        }
        catch (InvalidTransformationException e)
        {
            throw new InvalidTransformationException(e.Parameter, $"Variant profile '{name}' is misconfigured: {e.Message}");
        }
        return requested.Over(profile);
    }

    private static Transformation? Canonical(RequestedTransformation request, ImageFormat format, ImageAttributes original)
    {
        var (rotate, flip) = Orientation(request, original);
        var (sourceWidth, sourceHeight) = rotate.SwapsAxes() ? (original.Height, original.Width) : (original.Width, original.Height);
        // Preprocessing's clamps make the box (w or h, where given, win on their side) and forbid enlarging: with a
        // clamp set, each side of the box is capped at the image's own size, w and h included (the reference's rule).
        var boxWidth = request.Width ?? request.ClampWidth;
        var boxHeight = request.Height ?? request.ClampHeight;
        if (request.ClampWidth is not null || request.ClampHeight is not null)
            (boxWidth, boxHeight) = (boxWidth is { } bw ? Math.Min(bw, sourceWidth) : null, boxHeight is { } bh ? Math.Min(bh, sourceHeight) : null);
        var (width, height, fit) = OutputSize.Resolve(boxWidth, boxHeight, request.Fit ?? Fit.Fit, sourceWidth, sourceHeight);
        CheckEnlargement(width, height, sourceWidth, sourceHeight);
        var gravity = fit == Fit.Crop ? request.Gravity ?? Gravity.Center : Gravity.Center;
        if (fit == Fit.Crop && gravity == Gravity.Center) fit = Fit.Fill;
        var pad = request.Pad ?? 0;
        var info = format.Info();
        var transformation = new Transformation(
            width,
            height,
            fit,
            gravity,
            format,
            rotate,
            flip,
            request.Filter ?? Filter.None,
            request.Blur ?? 0,
            info.HasQuality ? request.Quality ?? info.DefaultQuality : info.DefaultQuality,
            pad > 0 ? new Padding(pad, request.PadColor ?? info.DefaultPadColor) : Padding.None,
            request.Strip ?? MetadataStrip.None,
            request.ColorSpace ?? ColorSpace.Origin);
        return IsOriginal(transformation, original) ? null : transformation;
    }

    /// <summary>A side derived from the other may not grow past the bound either (a huge original may stay huge).</summary>
    private static void CheckEnlargement(int width, int height, int sourceWidth, int sourceHeight)
    {
        if (width <= Math.Max(TransformationLimits.MaxDimension, sourceWidth) && height <= Math.Max(TransformationLimits.MaxDimension, sourceHeight))
            return;
        var name = width > Math.Max(TransformationLimits.MaxDimension, sourceWidth) ? TransformationParameters.Width : TransformationParameters.Height;
        throw new InvalidTransformationException(name,
            $"The output would be {width}×{height} px: at most {TransformationLimits.MaxDimension} px per side (or the original's size) can be produced; ask for a smaller w or h.");
    }

    private static (Rotation Rotate, Flip Flip) Orientation(RequestedTransformation request, ImageAttributes original)
    {
        if (request.Rotate != RequestedRotation.Auto)
            return Orientations.Fold((request.Rotate ?? RequestedRotation.Zero).ToRotation(), request.Flip ?? Flip.None);
        if (request.Flip is { } flip && flip != Flip.None)
            throw new InvalidTransformationException(TransformationParameters.Flip,
                $"f={ParameterWords.WordOf(ParameterWords.Flips, flip)} cannot be combined with r=auto: the original's EXIF orientation decides the flip.");
        return Orientations.FromExif(original.Orientation);
    }

    private static bool IsOriginal(Transformation t, ImageAttributes original) =>
        t == new Transformation(original.Width, original.Height, Fit.Fit, Gravity.Center, original.Format, Rotation.Zero, Flip.None,
            Filter.None, 0, original.Format.Info().DefaultQuality, Padding.None, MetadataStrip.None, ColorSpace.Origin);
}
