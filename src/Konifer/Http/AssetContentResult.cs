using System.Text;
using Konifer.Assets;
using Konifer.Storage.Objects;
using Konifer.Variants;
using Microsoft.AspNetCore.Http;

namespace Konifer.Http;

/// <summary>Streams a variant's bytes with the reference's headers; <c>download</c> adds an attachment disposition.</summary>
public sealed class AssetContentResult(Asset asset, ServedVariant served, StoredObject content, bool asDownload, bool formatNegotiated) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        await using var _ = content;
        var variant = served.Variant;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = variant.Attributes.Format.MediaType();
        response.ContentLength = content.Length;
        response.Headers["K-Cache-Status"] = served.CacheStatus == CacheStatus.Hit ? "hit" : "miss";
        if (asset.Information.Alt is { } alt) response.Headers["K-Alt"] = HeaderSafe(alt);
        if (variant.Lqip.Blurhash is { } blurhash) response.Headers["K-LQIP-Blurhash"] = blurhash;
        if (variant.Lqip.Thumbhash is { } thumbhash) response.Headers["K-LQIP-Thumbhash"] = thumbhash;
        if (formatNegotiated) response.Headers.Vary = "Accept";
        if (asDownload) response.Headers.ContentDisposition = Disposition(asset, variant);
        if (HttpMethods.IsHead(context.Request.Method)) return;
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
