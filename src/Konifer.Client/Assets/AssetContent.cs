namespace Konifer.Client;

/// <summary>
/// An image being downloaded: read <see cref="Content"/> as it arrives (nothing is buffered), then dispose. The headers
/// say what it is: media type, length, ETag, alt text (decoded from <c>K-Alt</c>) and whether it was generated for
/// this request (<see cref="CacheStatus"/> <c>miss</c>) or served as stored (<c>hit</c>).
/// </summary>
public sealed class AssetContent : IAsyncDisposable, IDisposable
{
    private readonly HttpResponseMessage _response;

    internal AssetContent(HttpResponseMessage response, Stream content)
    {
        _response = response;
        Content = content;
        ContentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        Length = response.Content.Headers.ContentLength;
        ETag = response.Headers.ETag?.ToString();
        LastModified = response.Content.Headers.LastModified;
        Alt = Header(response, "K-Alt") is { } alt ? Uri.UnescapeDataString(alt) : null;
        CacheStatus = Header(response, "K-Cache-Status");
    }

    public Stream Content { get; }
    public string ContentType { get; }
    public long? Length { get; }
    public string? ETag { get; }
    public DateTimeOffset? LastModified { get; }
    public string? Alt { get; }
    public string? CacheStatus { get; }

    /// <summary>Copies the image to a file, streaming.</summary>
    public async Task SaveAsync(string filePath, CancellationToken cancellationToken = default)
    {
        var file = new FileStream(filePath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await using (file.ConfigureAwait(false))
            await Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }

    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
