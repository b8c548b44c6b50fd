using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Konifer.Http.Caching;

/// <summary>
/// A <c>link</c> or <c>info</c> JSON body with a weak ETag of its bytes, so clients and caches can revalidate it with
/// <c>If-None-Match</c> (304). It has no <c>Last-Modified</c>: a link or an entry list has no single modification time.
/// Its metadata tells the API document (docs/api.md) that the endpoint answers 200 with <typeparamref name="T"/>.
/// </summary>
public sealed class JsonRepresentationResult<T>(T value) : IResult, IEndpointMetadataProvider
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

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
