using System.Net;

namespace Konifer.Client;

public sealed partial class KoniferClient
{
    /// <summary>The selected entry's <c>info</c>, or null when the path has no such entry.</summary>
    public Task<AssetInfo?> GetInfoAsync(string path, EntrySelector? entry = null, AssetFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, AssetUrl.Build(path, Segment(entry), "info", AssetUrl.Filter(filter)));
        return SendOrNullAsync(request, ClientJson.Default.AssetInfo, cancellationToken);
    }

    /// <summary>
    /// A link to the selected entry, transformed by <paramref name="transformation"/> (generated now if it does not
    /// exist yet), or null when the path has no such entry.
    /// </summary>
    public Task<AssetLink?> GetLinkAsync(string path, ImageTransformation? transformation = null, EntrySelector? entry = null, AssetFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, AssetUrl.Build(path, Segment(entry), "link", Query(transformation, filter)));
        return SendOrNullAsync(request, ClientJson.Default.AssetLink, cancellationToken);
    }

    /// <summary>
    /// The selected entry's image, transformed by <paramref name="transformation"/>, as a stream to read while it
    /// arrives; null when the path has no such entry. Dispose the result.
    /// </summary>
    public async Task<AssetContent?> GetContentAsync(string path, ImageTransformation? transformation = null, EntrySelector? entry = null,
        AssetFilter? filter = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AssetUrl.Build(path, Segment(entry), "content", Query(transformation, filter)));
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                response.Dispose();
                return null;
            }
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new AssetContent(response, stream);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Where the server's <c>redirect</c> sends a browser for the selected entry (the service URL, a presigned bucket
    /// URL or a template's URL, as the path's <c>delivery.strategy</c> says), without downloading it; null when the
    /// path has no such entry.
    /// </summary>
    public async Task<Uri?> GetRedirectTargetAsync(string path, ImageTransformation? transformation = null, EntrySelector? entry = null,
        AssetFilter? filter = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, AssetUrl.Build(path, Segment(entry), "redirect", Query(transformation, filter)));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            return location.IsAbsoluteUri ? location : new Uri(request.RequestUri is { IsAbsoluteUri: true } sent ? sent : _http.BaseAddress!, location);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        // The handler followed the redirect itself (HttpClientHandler.AllowAutoRedirect): the final request went there.
        return response.RequestMessage?.RequestUri;
    }

    /// <summary>
    /// The entries at exactly <paramref name="path"/> (not below), newest or last modified first, 20 unless
    /// <see cref="AssetFilter.Limit"/> says otherwise (−1 for all).
    /// </summary>
    public async Task<IReadOnlyList<AssetInfo>> ListEntriesAsync(string path, EntryOrder order = EntryOrder.Newest, AssetFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        var selector = order == EntryOrder.LastModified ? "modified" : null;
        var request = new HttpRequestMessage(HttpMethod.Get, AssetUrl.Build(path, selector, "entries", AssetUrl.Filter(filter)));
        return (await SendAsync(request, ClientJson.Default.EntriesBody, cancellationToken).ConfigureAwait(false)).Entries;
    }

    private static string? Segment(EntrySelector? entry) => entry?.Segment;

    private static IEnumerable<KeyValuePair<string, string>> Query(ImageTransformation? transformation, AssetFilter? filter) =>
        (transformation?.ToQuery() ?? []).Concat(AssetUrl.Filter(filter));
}
