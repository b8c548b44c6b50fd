using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Konifer.Client;

public sealed partial class KoniferClient
{
    /// <summary>
    /// Stores an image under <paramref name="path"/> as its next entry (multipart upload). The stream is read as it is
    /// sent, not buffered; the server sniffs the format from the bytes.
    /// </summary>
    /// <returns>The new entry, with its entry id.</returns>
    public Task<AssetInfo> StoreAsync(string path, Stream image, AssetMetadata? metadata = null, string? fileName = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var request = new HttpRequestMessage(HttpMethod.Post, AssetUrl.Build(path, null, null))
        {
            Content = Multipart(image, MetadataBody.From(metadata), ClientJson.Default.MetadataBody, fileName),
        };
        return SendAsync(request, ClientJson.Default.AssetInfo, cancellationToken);
    }

    /// <summary>Stores the image in a file, streaming it from disk.</summary>
    public async Task<AssetInfo> StoreFileAsync(string path, string filePath, AssetMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using (file.ConfigureAwait(false))
            return await StoreAsync(path, file, metadata, Path.GetFileName(filePath), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Has the server download the image from <paramref name="url"/> (which must be on the server's allow-list,
    /// <c>source.url.allowed-domains</c>) and store it.
    /// </summary>
    public Task<AssetInfo> StoreFromUrlAsync(string path, Uri url, AssetMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return StoreFromSourceAsync(path, new SourceBody(new HttpSourceBody(url), null), metadata, cancellationToken);
    }

    /// <summary>Has the server import the image from an S3 object (<c>arn:aws:s3:::bucket/key</c>) and store it.</summary>
    public Task<AssetInfo> StoreFromS3Async(string path, string arn, AssetMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(arn);
        return StoreFromSourceAsync(path, new SourceBody(null, new S3SourceBody(arn)), metadata, cancellationToken);
    }

    private Task<AssetInfo> StoreFromSourceAsync(string path, SourceBody source, AssetMetadata? metadata, CancellationToken cancellationToken)
    {
        var body = new StoreBody(source, metadata?.Alt, metadata?.Labels, metadata?.Tags);
        var request = new HttpRequestMessage(HttpMethod.Post, AssetUrl.Build(path, null, null))
        {
            Content = JsonContent.Create(body, ClientJson.Default.StoreBody),
        };
        return SendAsync(request, ClientJson.Default.AssetInfo, cancellationToken);
    }

    /// <summary>The server's multipart shape: a JSON <c>metadata</c> part and the image as the <c>asset</c> part.</summary>
    private static MultipartFormDataContent Multipart<T>(Stream image, T metadata, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string? fileName)
    {
        var content = new MultipartFormDataContent();
        content.Add(JsonContent.Create(metadata, type), "metadata");
        var file = new StreamContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "asset", string.IsNullOrEmpty(fileName) ? "image" : fileName);
        return content;
    }
}
