using System.Text;
using Konifer.Assets;
using Konifer.Http.Caching;
using Konifer.Storage.Objects;
using Microsoft.AspNetCore.Http;

namespace Konifer.Http;

/// <summary>
/// Streams a variant's bytes with the reference's headers; <c>download</c> adds an attachment disposition. The ETag
/// and Last-Modified are set first so a matching conditional request is answered with 304 before the object store is
/// touched. <paramref name="open"/> opens the bytes only when they are sent. K-Cache-Status and Vary are set by the
/// endpoint, which knows how the variant was found and chosen.
/// </summary>
public sealed class AssetContentResult(
    Asset asset, Variant variant, Func<CancellationToken, Task<StoredObject>> open, bool asDownload) : IResult
{
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
        // The type is sniffed from the bytes on upload; browsers must not second-guess it (polyglot files).
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentLength = content.Length;
        if (asset.Information.Alt is { } alt) response.Headers["K-Alt"] = HeaderSafe(alt);
        if (variant.Lqip.Blurhash is { } blurhash) response.Headers["K-LQIP-Blurhash"] = blurhash;
        if (variant.Lqip.Thumbhash is { } thumbhash) response.Headers["K-LQIP-Thumbhash"] = thumbhash;
        if (asDownload) response.Headers.ContentDisposition = Disposition(asset, variant);
        if (HttpMethods.IsHead(context.Request.Method)) return;
        if (content.File is { } file)
        {
            await response.StartAsync(context.RequestAborted);
            await FileResponseBody.WriteAsync(response.BodyWriter, file, content.Length, context.RequestAborted);
        }
        else
            await content.Content.CopyToAsync(response.Body, 81920, context.RequestAborted);
    }

    /// <summary><c>attachment</c> with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 8187).</summary>
    private static string Disposition(Asset asset, Variant variant)
    {
        var baseName = string.IsNullOrWhiteSpace(asset.Information.Alt) ? asset.Path.Segments[^1] : asset.Information.Alt!;
        var fileName = baseName + variant.Attributes.Format.Extension();
        var ascii = new string(fileName.Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_').ToArray());
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    /// <summary>Header values must be visible ASCII; other text is sent percent-encoded (UTF-8).</summary>
    public static string HeaderSafe(string value) =>
        value.All(c => c is >= ' ' and < (char)127) ? value : Uri.EscapeDataString(value);
}
