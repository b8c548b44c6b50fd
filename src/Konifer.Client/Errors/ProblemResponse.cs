using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Konifer.Client;

/// <summary>Turns an error response (Problem Details, or anything else a proxy may answer) into the matching exception.</summary>
internal static class ProblemResponse
{
    private const int MaxBodyChars = 64 * 1024;

    public static async Task<KoniferException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var (title, detail, type) = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var message = detail ?? title ?? $"The server answered {(int)status} {response.ReasonPhrase}.";
        return (int)status switch
        {
            400 or 413 or 415 or 422 => new KoniferRequestException(status, message, title, type),
            401 => new KoniferAuthenticationException(status, message, title, type),
            403 => new KoniferForbiddenException(status, message, title, type),
            404 => new KoniferNotFoundException(status, message, title, type),
            429 or 502 or 503 or 504 => new KoniferUnavailableException(status, message, RetryAfter(response.Headers.RetryAfter), title, type),
            _ => new KoniferException(status, message, title, type),
        };
    }

    private static async Task<(string? Title, string? Detail, string? Type)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)) return (null, null, null);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (text.Length > MaxBodyChars) return (null, null, null);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null, null);
            return (Text(root, "title"), Text(root, "detail") ?? Text(root, "message"), Text(root, "type"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
}
