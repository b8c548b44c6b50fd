using Konifer.Core.Assets;
using Konifer.Core.Transformations;
using Konifer.Transformations;
using Microsoft.AspNetCore.Http;

namespace Konifer.Http.Selectors;

/// <summary>
/// Splits the query into <c>limit</c>, transformation parameters and label filters. Any key that is not reserved is
/// a label; a label whose key collides with a reserved word is written <c>label:key</c>.
/// </summary>
public sealed record QueryParameters(int? Limit, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Transformation)
{
    public const string LimitKey = "limit";
    public const string SignatureKey = "s";
    public const string ExpiryKey = "exp";
    public const string LabelPrefix = "label:";

    /// <summary>Transformation parameters of the reference, plus <c>profile</c>.</summary>
    public static IReadOnlySet<string> TransformationKeys => TransformationParameters.Query;

    public static QueryParameters Parse(IQueryCollection query)
    {
        int? limit = null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var transformation = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (values.Count > 1) throw new BadRequestException($"The query parameter '{key}' is given more than once.");
            var value = values.ToString();
            if (key == LimitKey)
            {
                if (!int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || parsed == 0 || parsed < -1)
                    throw new BadRequestException("Invalid limit"); // positive, or -1 for all; the message Konifer's docs lead users to expect
                limit = parsed;
            }
            else if (key is SignatureKey or ExpiryKey)
            {
                // The URL signature and its expiry are checked before routing; they are never labels (label:exp is).
            }
            else if (TransformationKeys.Contains(key))
            {
                transformation[key] = value;
            }
            else
            {
                var labelKey = key.StartsWith(LabelPrefix, StringComparison.Ordinal) ? key[LabelPrefix.Length..] : key;
                if (labelKey.Length == 0) throw new BadRequestException($"The query parameter '{key}' names no label.");
                if ((Core.Assets.StorableText.Problem(labelKey, "A label filter's key") ?? Core.Assets.StorableText.Problem(value, $"The label filter '{labelKey}'")) is { } problem)
                    throw new BadRequestException(problem);
                labels[labelKey] = value;
            }
        }
        return new QueryParameters(limit, labels, transformation);
    }
}
