using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Konifer.Http;

/// <summary>
/// Headers every response carries, set just before the headers are sent so that nothing later in the pipeline (the
/// exception handler clears the response) can lose them: <c>X-Content-Type-Options: nosniff</c> everywhere (image
/// types are sniffed from the bytes on upload, so browsers must not second-guess them: polyglot files), and
/// <c>Cache-Control: no-store</c> on every error, so no cache keeps a 404 or a 503 in place of the asset.
/// </summary>
public static class BaselineHeaders
{
    public const string ErrorCacheControl = "no-store";

    public static Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var response = context.Response;
        response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            response.Headers.XContentTypeOptions = "nosniff";
            if (response.StatusCode >= 400) response.Headers[HeaderNames.CacheControl] = ErrorCacheControl;
            return Task.CompletedTask;
        }, response);
        return next();
    }
}
