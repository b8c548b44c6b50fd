using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Konifer.Http.Uploads;

/// <summary>
/// Reads a store or rule-evaluation request: exactly one <c>metadata</c> JSON part (without <c>source</c> or
/// <c>url</c>) and one <c>asset</c> part, in either order. The asset is streamed to a temporary file with the size limit enforced while it
/// streams.
/// </summary>
public static class MultipartAssetReader
{
    public const string MetadataPart = "metadata";
    public const string AssetPart = "asset";

    public static bool IsMultipart(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>How a store reads the parts: the bytes come in the asset part, so a source besides them would be a second original.</summary>
    private static readonly MultipartShape<StoreAssetRequest> StoreShape = new(
        "metadata part",
        metadata => { if (metadata.NamesExternalSource) throw new BadRequestException(StoreAssetRequest.SourceWithUpload); },
        $"The multipart body has no '{MetadataPart}' part (send {{}} for none).",
        $"The multipart body has no '{AssetPart}' part.",
        FileMetadataIsMissing: false,
        MetadataCheckedFirst: false);

    public static Task<(StoreAssetRequest Metadata, TemporaryFile Content)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken) =>
        ReadAsync(request, maxBytes, StoreShape, cancellationToken);

    public static async Task<(T Metadata, TemporaryFile Content)> ReadAsync<T>(HttpRequest request, long maxBytes, MultipartShape<T> shape, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shape);
        var media = MediaTypeHeaderValue.Parse(request.ContentType);
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary))
            throw new BadRequestException("The multipart Content-Type has no boundary.");

        // Kestrel refuses a body over max-bytes plus this much framing and metadata; say so before reading any of it.
        if (request.ContentLength is { } declared && declared > maxBytes + FramingAllowance)
            throw new PayloadTooLargeException(
                $"The request body declares {declared} bytes: the asset can be at most source.multipart.max-bytes ({maxBytes} bytes).");

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        T? metadata = null;
        TemporaryFile? content = null;
        try
        {
            MultipartSection? section;
            while ((section = await ReadNextAsync(reader, cancellationToken)) is not null)
            {
                var (name, isFile) = PartName(section);
                switch (name)
                {
                    case MetadataPart when isFile && shape.FileMetadataIsMissing:
                        break;
                    case MetadataPart when metadata is null:
                        metadata = await JsonBody.ReadAsync<T>(section.Body, shape.What, cancellationToken);
                        shape.Check(metadata);
                        break;
                    case AssetPart when content is null:
                        content = await TemporaryFile.CopyFromAsync(section.Body, maxBytes, TooLarge, cancellationToken);
                        break;
                    case MetadataPart:
                        throw new BadRequestException("Multiple metadata payloads supplied");
                    case AssetPart:
                        throw new BadRequestException("Multiple asset payloads supplied");
                    default:
                        throw new BadRequestException($"Unexpected multipart part '{name}': send exactly one '{MetadataPart}' and one '{AssetPart}' part.");
                }
            }
            if (shape.MetadataCheckedFirst && metadata is null) throw new BadRequestException(shape.NoMetadata);
            if (content is null) throw new BadRequestException(shape.NoAsset);
            if (metadata is null) throw new BadRequestException(shape.NoMetadata);
            if (content.Length == 0) throw new BadRequestException($"The '{AssetPart}' part is empty.");
            return (metadata, content);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            // The body ended inside a part: the client stopped sending or never wrote the closing boundary.
            if (content is not null) await content.DisposeAsync();
            throw new BadRequestException("The multipart body ends before its closing boundary.");
        }
        catch
        {
            if (content is not null) await content.DisposeAsync();
            throw;
        }
    }

    /// <summary>What Kestrel's own body limit allows beyond max-bytes (see KoniferApp).</summary>
    public const long FramingAllowance = 1024 * 1024;

    private static PayloadTooLargeException TooLarge(long maxBytes) =>
        new($"The asset is larger than source.multipart.max-bytes ({maxBytes} bytes).");

    private static async Task<MultipartSection?> ReadNextAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw new BadRequestException("The multipart body is malformed: " + e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new BadRequestException("The multipart body is malformed: " + e.Message);
        }
    }

    private static (string Name, bool IsFile) PartName(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            throw new BadRequestException("A multipart part has no 'Content-Disposition: form-data; name=...' header.");
        return (HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "", disposition.IsFileDisposition());
    }
}
