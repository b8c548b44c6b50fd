using System.Globalization;
using Konifer.Core.Assets;
using Konifer.Search;
using Microsoft.AspNetCore.Http;

namespace Konifer.Http.Selectors;

/// <summary>
/// The query of <c>GET /assets/{path}/-/search</c>: <c>q</c>, <c>similar-to</c> and <c>limit</c>, nothing else (the
/// signature <c>s</c> aside). Which combinations are allowed is the use case's rule (<see cref="SearchAssets"/>).
/// </summary>
public static class SearchParameters
{
    public const string Selector = "search";
    public const string TextKey = "q";
    public const string SimilarToKey = "similar-to";

    /// <summary>Whether the selectors are <c>/-/search</c>.</summary>
    public static bool IsSearch(IReadOnlyList<string> selectors) => selectors.Count == 1 && SelectorWords.Is(selectors[0], Selector);

    public static SearchRequest Parse(AssetPath path, IQueryCollection query)
    {
        string? text = null;
        long? similarTo = null;
        var limit = SearchRequest.DefaultLimit;
        foreach (var (key, values) in query)
        {
            if (values.Count > 1) throw new BadRequestException($"The query parameter '{key}' is given more than once.");
            var value = values.ToString();
            switch (key)
            {
                case TextKey:
                    text = value;
                    break;
                case SimilarToKey:
                    similarTo = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var entryId)
                        ? entryId
                        : throw new BadRequestException($"similar-to must be an entry id (a whole number), got '{value}'.");
                    break;
                case QueryParameters.LimitKey:
                    limit = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= SearchRequest.MaxLimit
                        ? parsed
                        : throw new BadRequestException($"limit must be a whole number from 1 to {SearchRequest.MaxLimit}, got '{value}'.");
                    break;
                case QueryParameters.SignatureKey or QueryParameters.ExpiryKey:
                    break; // checked before routing
                default:
                    throw new BadRequestException($"The query parameter '{key}' is not known to search: use q, similar-to and limit.");
            }
        }
        return new SearchRequest(path, text, similarTo, limit);
    }
}
