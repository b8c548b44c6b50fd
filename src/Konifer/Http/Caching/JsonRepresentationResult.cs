using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Konifer.Http.Caching;

/// <summary>
/// A <c>link</c> or <c>info</c> JSON body with a weak ETag of its bytes, so clients and caches can revalidate it with
/// <c>If-None-Match</c> (304). It has no <c>Last-Modified</c>: a link or an entry list has no single modification time.
/// </summary>
public sealed class JsonRepresentationResult<T>(T value) : IResult
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext context)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, KoniferJson.Options);
        var entityTag = EntityTags.ForJson(body);
        var response = context.Response;
        CacheHeaders.ApplyValidators(response, entityTag, lastModified: null);
        if (await CacheHeaders.TryAnswerConditionalAsync(context, entityTag, lastModified: null)) return;

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
