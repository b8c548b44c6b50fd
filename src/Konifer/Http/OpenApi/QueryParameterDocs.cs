using System.Text.Json.Nodes;
using Konifer.Core.Images;
using Konifer.Http.Selectors;
using Konifer.Transformations;
using Microsoft.OpenApi;

namespace Konifer.Http.OpenApi;

/// <summary>
/// The query parameters of the asset routes, written into the API document by hand: the handlers read the query as a
/// whole (<see cref="QueryParameters"/>), so no binding tells the generator about them. Ranges and words come from the
/// parser's own tables (<see cref="TransformationLimits"/>, <see cref="ParameterWords"/>), so the document cannot drift.
/// </summary>
internal static class QueryParameterDocs
{
    private const string CaseNote = " Words are case-insensitive.";

    /// <summary>The transformation parameters of a read, in canonical order, then <c>profile</c>.</summary>
    public static IEnumerable<OpenApiParameter> Transformation()
    {
        const int maxSize = TransformationLimits.MaxDimension;
        yield return Integer(TransformationParameters.Width, 1, maxSize, "Width in pixels of the variant (bounded again by the path's transform.limits).");
        yield return Integer(TransformationParameters.Height, 1, maxSize, "Height in pixels of the variant (bounded again by the path's transform.limits).");
        yield return Words(TransformationParameters.Fit, ParameterWords.Fits, "How the image meets w × h: fit (inside the box, the default), fill (cover, centre crop), stretch (ignore the aspect ratio), crop (cover, crop by g); all but fit need w and h.");
        yield return Words(TransformationParameters.Gravity, ParameterWords.Gravities, "What fit=crop keeps: the center (default), the busiest region (entropy) or the most salient one (attention).");
        yield return Words(TransformationParameters.Format, ImageFormatTable.Rows.SelectMany(r => r.Names), "Output format. Without it the original's format is kept, or the Accept header chooses among the path's negotiable formats.");
        yield return Words(TransformationParameters.Rotate, ParameterWords.Rotations, "Rotation clockwise in degrees, applied before the flip; auto follows the EXIF orientation.");
        yield return Words(TransformationParameters.Flip, ParameterWords.Flips, "Mirror horizontally (h) or vertically (v).");
        yield return Words(TransformationParameters.Filter, ParameterWords.Filters, "Colour filter (greyscale is an alias of grayscale).");
        yield return Integer(TransformationParameters.Blur, 0, TransformationLimits.MaxBlur, "Gaussian blur sigma; 0 (default) is none.");
        yield return Integer(TransformationParameters.Quality, TransformationLimits.MinQuality, TransformationLimits.MaxQuality, "Encoder quality of lossy formats; the path's default when absent. " +
            "On /-/search, q is instead the text to find images of (read as \"this is a photo of …\"), any string.");
        yield return Integer(TransformationParameters.Pad, 0, TransformationLimits.MaxPadding, "Border in pixels on every side.");
        yield return new OpenApiParameter
        {
            Name = TransformationParameters.PadColor,
            In = ParameterLocation.Query,
            Description = "Colour of the border: #RGB, #RGBA, #RRGGBB or #RRGGBBAA (write # as %23 in a URL); transparent where the format has alpha, else white.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$" },
        };
        yield return new OpenApiParameter
        {
            Name = TransformationParameters.Strip,
            In = ParameterLocation.Query,
            Description = "Metadata blocks to remove, comma-separated (strip=exif,xmp)." + CaseNote,
            Style = ParameterStyle.Form,
            Explode = false,
            Schema = new OpenApiSchema { Type = JsonSchemaType.Array, UniqueItems = true, Items = WordSchema(ParameterWords.StripBlocks.Select(w => w.Word)) },
        };
        yield return Words(TransformationParameters.ColorSpace, ParameterWords.ColorSpaces, "Output colour space: origin keeps the original's.");
        yield return Text(TransformationParameters.Profile, "Name of a configured variant profile (variant-profiles); explicit parameters override the profile's.");
    }

    /// <summary><c>limit</c>: how many entries a list or a delete takes.</summary>
    public static OpenApiParameter Limit() => new()
    {
        Name = QueryParameters.LimitKey,
        In = ParameterLocation.Query,
        Description = "How many entries to answer (entries) or delete: a positive number, or -1 for all. 0 is refused.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "-1" },
    };

    /// <summary>Any other key is a label filter: OpenAPI says this with a free-form object exploded into the query.</summary>
    /// <summary><c>similar-to</c> of <c>/-/search</c> (its <c>q</c> and <c>limit</c> share the names above: the text, and 1 to 100, default 20).</summary>
    public static IEnumerable<OpenApiParameter> Search()
    {
        yield return new OpenApiParameter
        {
            Name = SearchParameters.SimilarToKey,
            In = ParameterLocation.Query,
            Description = "search only: an entry id of the asset at the path; entries are ranked by similarity to its image (itself left out).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
        };
    }

    public static OpenApiParameter Labels() => new()
    {
        Name = "labels",
        In = ParameterLocation.Query,
        Description = "Label filters, free-form: every query key that is not a parameter above is a label the entries must carry " +
            "with that value (?colour=red). A label whose key is a reserved word is written label:key (?label:limit=3).",
        Style = ParameterStyle.Form,
        Explode = true,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } },
    };

    /// <summary><c>s</c>: the URL signature, checked before routing when <c>url-signing</c> is configured.</summary>
    public static OpenApiParameter Signature() =>
        Text(QueryParameters.SignatureKey, "URL signature, required on reads when url-signing is configured (see docs/delivery.md); never a label.");

    /// <summary><c>exp</c>: when a signed URL stops being valid; part of what is signed.</summary>
    public static OpenApiParameter Expiry() =>
        Text(QueryParameters.ExpiryKey, "Expiry of a signed URL in unix seconds, covered by the signature (see docs/delivery.md); never a label.");

    private static OpenApiParameter Integer(string name, int min, int max, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = $"{description} An integer from {min} to {max}.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = $"{min}", Maximum = $"{max}" },
    };

    private static OpenApiParameter Words<T>(string name, (string Word, T Value)[] words, string description) =>
        Words(name, words.Select(w => w.Word), description);

    private static OpenApiParameter Words(string name, IEnumerable<string> words, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description + CaseNote,
        Schema = WordSchema(words),
    };

    private static OpenApiSchema WordSchema(IEnumerable<string> words) =>
        new() { Type = JsonSchemaType.String, Enum = [.. words.Distinct().Select(w => (JsonNode)JsonValue.Create(w))] };

    private static OpenApiParameter Text(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
