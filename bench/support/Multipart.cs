using System.Net.Http.Headers;

namespace Konifer.Bench.Support;

/// <summary>The multipart body of a store request: a small <c>metadata</c> JSON part and the JPEG as <c>asset</c>.</summary>
public static class Multipart
{
    public static MultipartFormDataContent Jpeg(byte[] image)
    {
        var content = new MultipartFormDataContent();
        var metadata = new StringContent("""{"alt":"bench"}""");
        metadata.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(metadata, "metadata");
        var asset = new ByteArrayContent(image);
        asset.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(asset, "asset", "photo.jpg");
        return content;
    }
}
