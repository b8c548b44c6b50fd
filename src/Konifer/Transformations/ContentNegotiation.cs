using System.Net.Http.Headers;
using Konifer.Core.Images;

namespace Konifer.Transformations;

/// <summary>
/// Picks the output format from an <c>Accept</c> header (RFC 9110 §12.5.1) when no <c>format</c> is given.
/// Each format takes the weight of the most specific range that matches it (<c>image/webp</c> over <c>image/*</c>
/// over <c>*/*</c>); weight 0 excludes it. The heaviest format wins; on a tie a format the client named outright beats
/// one reached by a wildcard, then the earlier in the header, then the original's format, then
/// <see cref="ImageFormat"/> order. So <c>image/*</c> or <c>*/*</c> alone keep the original's format.
/// </summary>
public static class ContentNegotiation
{
    /// <summary>
    /// The format to produce. No header, a blank one, or one without a single readable range means the original's
    /// format (the header may be ignored when it cannot be read). Throws <see cref="InvalidTransformationException"/>
    /// (answered with 400) when no format we can produce is acceptable.
    /// </summary>
    public static ImageFormat Choose(string? accept, ImageFormat original) => Choose(accept, original, ImageFormats.All);

    /// <summary>As <see cref="Choose(string?, ImageFormat)"/>, among <paramref name="available"/> formats only.</summary>
    public static ImageFormat Choose(string? accept, ImageFormat original, IReadOnlyCollection<ImageFormat> available) =>
        TryChoose(accept, original, available) ?? throw NothingAcceptable(accept, available);

    /// <summary>
    /// As <see cref="Choose(string?, ImageFormat, IReadOnlyCollection{ImageFormat})"/>, but when nothing is acceptable
    /// the original's format instead of a refusal: for answers that are not the image itself (a <c>link</c> asked for
    /// with <c>Accept: application/json</c>, a <c>redirect</c>), the header cannot be honoured and is not an error.
    /// </summary>
    public static ImageFormat ChooseOrOriginal(string? accept, ImageFormat original, IReadOnlyCollection<ImageFormat> available) =>
        TryChoose(accept, original, available) ?? original;

    private static ImageFormat? TryChoose(string? accept, ImageFormat original, IReadOnlyCollection<ImageFormat> available)
    {
        var ranges = Ranges(accept);
        if (ranges.Count == 0)
        {
            if (available.Contains(original)) return original;
            return available.Count > 0 ? available.Min() : null;
        }
        return available
            .Select(format => (Format: format, Match: BestRange(ranges, format)))
            .Where(c => c.Match is { Quality: > 0 })
            .OrderByDescending(c => c.Match!.Quality)
            .ThenByDescending(c => c.Match!.Specificity)
            .ThenBy(c => c.Match!.Position)
            .ThenBy(c => c.Format == original ? 0 : 1)
            .ThenBy(c => c.Format)
            .Select(c => (ImageFormat?)c.Format)
            .FirstOrDefault();
    }

    private sealed record MediaRange(string Type, string Subtype, double Quality, int Position)
    {
        public int Specificity => Type == "*" ? 0 : Subtype == "*" ? 1 : 2;

        public bool Matches(ImageFormat format)
        {
            if (Type == "*") return true;
            if (Type != "image") return false;
            return Subtype == "*" || (ImageFormats.TryParseMediaType($"image/{Subtype}", out var named) && named == format);
        }
    }

    private static MediaRange? BestRange(List<MediaRange> ranges, ImageFormat format) =>
        ranges.Where(r => r.Matches(format)).OrderByDescending(r => r.Specificity).ThenBy(r => r.Position).FirstOrDefault();

    private static List<MediaRange> Ranges(string? accept)
    {
        var ranges = new List<MediaRange>();
        if (string.IsNullOrWhiteSpace(accept)) return ranges;
        foreach (var element in SplitList(accept))
        {
            // Unreadable elements are skipped, not fatal: a client's odd entry should not cost it the whole answer.
            if (!MediaTypeWithQualityHeaderValue.TryParse(element, out var parsed) || parsed.MediaType is null) continue;
            var slash = parsed.MediaType.IndexOf('/');
            var type = parsed.MediaType[..slash].ToLowerInvariant();
            var subtype = parsed.MediaType[(slash + 1)..].ToLowerInvariant();
            if (type == "*" && subtype != "*") continue;
            ranges.Add(new MediaRange(type, subtype, Math.Clamp(parsed.Quality ?? 1.0, 0, 1), ranges.Count));
        }
        return ranges;
    }

    /// <summary>Splits a header list at commas outside quoted strings.</summary>
    private static IEnumerable<string> SplitList(string header)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (quoted && c == '\\') i++;
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                if (header[start..i].Trim() is { Length: > 0 } element) yield return element;
                start = i + 1;
            }
        }
        if (header[start..].Trim() is { Length: > 0 } last) yield return last;
    }

    private static InvalidTransformationException NothingAcceptable(string? accept, IReadOnlyCollection<ImageFormat> available) =>
        new("Accept",
            $"No acceptable image format (400 Bad Request): the Accept header '{accept}' accepts none of the formats " +
            $"this request can produce ({string.Join(", ", available.Select(f => f.MediaType()))}). " +
            "Accept one of them, or name one with the format parameter.");
}
