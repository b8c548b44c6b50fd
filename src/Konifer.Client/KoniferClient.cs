using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;

namespace Konifer.Client;

/// <summary>
/// Typed calls to a Konifer server over an <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is the
/// server (register it with <c>services.AddKoniferClient(…)</c>, or pass your own). Every call streams: uploads are
/// read from the caller's stream as they are sent, downloads are handed over as they arrive. Errors are thrown as
/// <see cref="KoniferException"/> subclasses carrying the server's message; a fetch of something that does not exist
/// answers null.
/// </summary>
public sealed partial class KoniferClient(HttpClient httpClient)
{
    private readonly HttpClient _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));

    /// <summary>The server this client talks to.</summary>
    public Uri? BaseAddress => _http.BaseAddress;

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            return await ReadAsync(response, type, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>As <see cref="SendAsync{T}"/>, but a 404 is null.</summary>
    private async Task<T?> SendOrNullAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken) where T : class
    {
        using (request)
        using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            return await ReadAsync(response, type, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
        ?? throw new KoniferException(response.StatusCode, "The server answered an empty JSON body.");

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        throw await ProblemResponse.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
    }
}
