using System.Net.Http.Json;

namespace Konifer.Client;

public sealed partial class KoniferClient
{
    /// <summary>Replaces an entry's alt text, labels and tags (what is not given is cleared, as the server's PUT does).</summary>
    /// <exception cref="KoniferNotFoundException">The path has no entry <paramref name="entryId"/>.</exception>
    public Task<AssetInfo> UpdateAsync(string path, long entryId, AssetMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var request = new HttpRequestMessage(HttpMethod.Put, AssetUrl.Build(path, EntrySelector.Entry(entryId).Segment, null))
        {
            Content = JsonContent.Create(MetadataBody.From(metadata), ClientJson.Default.MetadataBody),
        };
        return SendAsync(request, ClientJson.Default.AssetInfo, cancellationToken);
    }

    /// <summary>
    /// Deletes what <paramref name="selector"/> selects (the newest entry by default). The records go at once, the
    /// stored bytes shortly after; deleting what does not exist succeeds too.
    /// </summary>
    public async Task DeleteAsync(string path, DeleteSelector selector = default, AssetFilter? filter = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, AssetUrl.Build(path, selector.Segment, null, AssetUrl.Filter(filter)));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }
}
