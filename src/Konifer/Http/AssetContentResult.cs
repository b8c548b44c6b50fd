using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using System.Reflection;
using Konifer.Core.Telemetry;
using Konifer.Http.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Http;

/// <summary>
/// Streams a variant's bytes with the reference's headers; <c>download</c> adds an attachment disposition. The ETag
/// and Last-Modified are set first so a matching conditional request is answered with 304 before the object store is
/// touched. <paramref name="open"/> opens the bytes only when they are sent. K-Cache-Status and Vary are set by the
/// endpoint, which knows how the variant was found and chosen. Its metadata tells the API document that the endpoint
/// answers 200 with the bytes of any image type the server serves.
/// </summary>
public sealed class AssetContentResult(
    Asset asset, Variant variant, Func<CancellationToken, Task<StoredObject>> open, bool asDownload) : IResult, IEndpointMetadataProvider
{
    /// <summary>Every media type a content or download answer can carry, one per format the server knows.</summary>
    public static IReadOnlyList<string> MediaTypes { get; } = ImageFormats.All.Select(f => f.MediaType()).Distinct().ToArray();

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), [.. MediaTypes]));

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        var entityTag = EntityTags.ForContent(asset, variant);
        var lastModified = EntityTags.LastModified(asset, variant);
        CacheHeaders.ApplyValidators(response, entityTag, lastModified);
        if (await CacheHeaders.TryAnswerConditionalAsync(context, entityTag, lastModified)) return;

        await using var content = await open(context.RequestAborted);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = variant.Attributes.Format.MediaType();
        response.ContentLength = content.Length;
        if (asset.Information.Alt is { } alt) response.Headers["K-Alt"] = AltHeader.Encode(alt);
        if (variant.Lqip.Blurhash is { } blurhash) response.Headers["K-LQIP-Blurhash"] = blurhash;
        if (variant.Lqip.Thumbhash is { } thumbhash) response.Headers["K-LQIP-Thumbhash"] = thumbhash;
        if (asDownload) response.Headers.ContentDisposition = DownloadDisposition.For(asset, variant);
        if (HttpMethods.IsHead(context.Request.Method)) return;
        if (content.File is { } file)
        {
            await response.StartAsync(context.RequestAborted);
            await FileResponseBody.WriteAsync(response.BodyWriter, file, content.Length, context.RequestAborted);
        }
        else
            await content.Content.CopyToAsync(response.Body, 81920, context.RequestAborted);
        context.RequestServices.GetService<StoreInstruments>()?.Served(content.Length);
    }
}
