using Konifer.Http.Problems;
using Konifer.Paths;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Konifer.Http.Caching;

/// <summary>The caching headers every successful asset read carries, and the short answers to conditional requests.</summary>
public static class CacheHeaders
{
    /// <summary><c>Cache-Control</c> exactly as the path configures it; nothing when disabled.</summary>
    public static void ApplyCacheControl(HttpResponse response, CacheControlSettings settings)
    {
        if (settings.ToHeaderValue() is { } value) response.Headers.CacheControl = value;
        else response.Headers.Remove("Cache-Control");
    }

    public static void ApplyValidators(HttpResponse response, EntityTagHeaderValue entityTag, DateTimeOffset? lastModified)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = entityTag;
        if (lastModified is { } modified) headers.LastModified = modified;
    }

    /// <summary>
    /// Ends the response when the preconditions say so (304 keeps the headers already set, without a body; 412 is a
    /// problem). Returns false when the representation should be sent.
    /// </summary>
    public static async Task<bool> TryAnswerConditionalAsync(HttpContext context, EntityTagHeaderValue entityTag, DateTimeOffset? lastModified)
    {
        switch (ConditionalRequests.Evaluate(context.Request, entityTag, lastModified))
        {
            case ConditionalOutcome.NotModified:
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                return true;
            case ConditionalOutcome.PreconditionFailed:
                // A problem is not the cacheable representation; BaselineHeaders marks it no-store like every error.
                context.Response.Headers.Remove(HeaderNames.CacheControl);
                await ApiProblem.WriteAsync(context, StatusCodes.Status412PreconditionFailed,
                    $"The precondition failed: the current representation is {entityTag}.");
                return true;
            default:
                return false;
        }
    }
}
