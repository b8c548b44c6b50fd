using System.Net.Http.Headers;
using NetVips;

namespace Konifer.Bench.Inference;

/// <summary>A real photo of the corpus as uploaded: its bytes, media type and what the table calls it.</summary>
public sealed record BenchPhoto(string Name, string Label, byte[] Bytes, string MediaType)
{
    /// <summary>
    /// The three uploads of the bench, from the corpus of real photos (never committed): a ~1 MP JPEG, the same photo
    /// as a PNG, and a ~12 MP JPEG. The corpus has no 12 MP photo, so that one is the same real photo enlarged with
    /// libvips (Lanczos) to 3000×3985 and saved at quality 90.
    /// </summary>
    public static IReadOnlyList<BenchPhoto> Load(string corpus)
    {
        var jpeg = Read(corpus, "medium.jpg");
        var png = Read(corpus, "medium.png");
        using var source = Image.NewFromBuffer(jpeg);
        using var enlarged = source.Resize(3000.0 / source.Width);
        var large = enlarged.WriteToBuffer(".jpg[Q=90]");
        return
        [
            Describe("jpeg-1mp", jpeg, "image/jpeg"),
            Describe("png-1mp", png, "image/png"),
            Describe("jpeg-12mp", large, "image/jpeg"),
        ];
    }

    /// <summary>The multipart body of a store request (<c>metadata</c> JSON and the photo as <c>asset</c>).</summary>
    public MultipartFormDataContent Upload()
    {
        var content = new MultipartFormDataContent();
        var metadata = new StringContent("""{"alt":"bench"}""");
        metadata.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(metadata, "metadata");
        var asset = new ByteArrayContent(Bytes);
        asset.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
        content.Add(asset, "asset", MediaType == "image/png" ? "photo.png" : "photo.jpg");
        return content;
    }

    private static byte[] Read(string corpus, string name)
    {
        var file = Path.Combine(corpus, name);
        if (!File.Exists(file))
            throw new FileNotFoundException($"The bench needs the corpus of real photos: {file} is missing (set --corpus).", file);
        return File.ReadAllBytes(file);
    }

    private static BenchPhoto Describe(string name, byte[] bytes, string mediaType)
    {
        using var image = Image.NewFromBuffer(bytes);
        var format = mediaType == "image/png" ? "PNG" : "JPEG";
        return new BenchPhoto(name, $"{format} {image.Width}×{image.Height} ({image.Width * image.Height / 1e6:0.#} MP), {bytes.Length / 1024} KiB", bytes, mediaType);
    }
}
