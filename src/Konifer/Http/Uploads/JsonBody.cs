using System.Text.Json;
using Konifer.Core.Assets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Konifer.Http.Uploads;

/// <summary>Reads small JSON bodies (metadata, PUT, URL store) with a hard size cap.</summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<T> ReadAsync<T>(Stream body, string what, CancellationToken cancellationToken) where T : class
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new PayloadTooLargeException($"The {what} JSON is larger than {MaxBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new BadRequestException($"The {what} JSON is empty; send at least {{}}.");
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), KoniferJson.Options)
                ?? throw new BadRequestException($"The {what} JSON must be an object, not null.");
        }
        catch (JsonException e)
        {
            // The serializer's own message names .NET types ("could not be converted to System.Collections…"):
            // say where the body went wrong, in the request's terms only.
            throw new BadRequestException(
                $"The {what} is not valid JSON for this request at {e.Path ?? "$"} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): " +
                "alt and url are text, labels an object of texts, tags a list of texts, source an object such as {\"http\":{\"url\":\"…\"}}.");
        }
    }

    public static void RequireJson(HttpRequest request)
    {
        if (!IsJson(request.ContentType))
            throw new UnsupportedMediaTypeException($"Content-Type '{request.ContentType}' is not supported here; send application/json.");
    }

    public static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
