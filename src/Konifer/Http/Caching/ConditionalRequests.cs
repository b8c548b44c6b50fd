using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Konifer.Http.Caching;

/// <summary>
/// Evaluates the preconditions of a GET or HEAD in the order RFC 9110 §13.2.2 gives: If-Match, else
/// If-Unmodified-Since; then If-None-Match (weak comparison), else If-Modified-Since. Headers that do not parse are
/// ignored, as the RFC asks. ASP.NET evaluates these only for its own file results, hence this small class.
/// </summary>
public static class ConditionalRequests
{
    public static ConditionalOutcome Evaluate(HttpRequest request, EntityTagHeaderValue entityTag, DateTimeOffset? lastModified)
    {
        var headers = request.GetTypedHeaders();
        var raw = request.Headers;

        if (raw.IfMatch.Count > 0 && TryParse(raw.IfMatch, out var ifMatch))
        {
            if (!ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(entityTag, useStrongComparison: true)))
                return ConditionalOutcome.PreconditionFailed;
        }
        else if (lastModified is { } modified && raw.IfMatch.Count == 0 && headers.IfUnmodifiedSince is { } unmodifiedSince && modified > unmodifiedSince)
        {
            return ConditionalOutcome.PreconditionFailed;
        }

        if (raw.IfNoneMatch.Count > 0 && TryParse(raw.IfNoneMatch, out var ifNoneMatch))
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(entityTag, useStrongComparison: false))
                ? ConditionalOutcome.NotModified
                : ConditionalOutcome.Send;

        if (lastModified is { } last && raw.IfNoneMatch.Count == 0 && headers.IfModifiedSince is { } modifiedSince && last <= modifiedSince)
            return ConditionalOutcome.NotModified;
        return ConditionalOutcome.Send;
    }

    private static bool TryParse(IList<string> values, out IList<EntityTagHeaderValue> tags)
    {
        if (EntityTagHeaderValue.TryParseList(values, out var parsed) && parsed.Count > 0)
        {
            tags = parsed;
            return true;
        }
        tags = [];
        return false;
    }
}
