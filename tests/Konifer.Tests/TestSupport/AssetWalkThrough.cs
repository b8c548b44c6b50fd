using System.Net;
using NetVips;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// One asset's whole life over HTTP: store, content, info, update, a variant (miss, then hit) and delete. Shared by
/// the tests of every store configuration, so that each runs the same steps and the same checks.
/// </summary>
public static class AssetWalkThrough
{
    /// <summary>Runs the walk-through at <paramref name="path"/> (no asset there yet). Returns the objects the asset had.</summary>
    public static async Task<IReadOnlyList<(string Bucket, string Key)>> RunAsync(HttpClient client, string path)
    {
        var png = TestImages.Gradient(200, 100);

        // Store
        using (var stored = await client.PostAsync("/assets" + path, AssetRequests.Multipart(png, new { alt = "first", labels = new { phone = "iphone" } })))
        {
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
            Assert.EndsWith(path + "/-/entry/0", stored.Headers.Location!.AbsolutePath);
        }

        // Content: the very bytes, as a PNG of the stored size
        using (var content = await client.GetAsync($"/assets{path}/-/content"))
        {
            Assert.Equal(HttpStatusCode.OK, content.StatusCode);
            Assert.Equal("image/png", content.Content.Headers.ContentType?.MediaType);
            var bytes = await content.Content.ReadAsByteArrayAsync();
            Assert.Equal(png, bytes);
            Assert.Equal(new ImageInfo("pngload", 200, 100), TestImages.Read(bytes));
        }

        // Info
        var info = await client.GetJsonAsync($"/assets{path}/-/info");
        Assert.Equal(0, info.GetProperty("entryId").GetInt64());
        Assert.Equal("first", info.GetProperty("alt").GetString());
        Assert.Equal("iphone", info.GetProperty("labels").GetProperty("phone").GetString());

        // Update
        using (var updated = await client.PutAsync($"/assets{path}/-/entry/0", AssetRequests.Json(new { alt = "second", tags = new[] { "t" } })))
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        info = await client.GetJsonAsync($"/assets{path}/-/entry/0/info");
        Assert.Equal("second", info.GetProperty("alt").GetString());
        Assert.False(info.GetProperty("labels").TryGetProperty("phone", out _));
        Assert.Equal(["t"], info.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        // A variant: generated on the first request, served from the store on the second
        byte[] generated;
        using (var miss = await client.GetAsync($"/assets{path}/-/content?w=50"))
        {
            Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
            Assert.Equal("miss", miss.Headers.GetValues("K-Cache-Status").Single());
            generated = await miss.Content.ReadAsByteArrayAsync();
            using var image = Image.NewFromBuffer(generated);
            Assert.Equal((50, 25), (image.Width, image.Height));
            Assert.StartsWith("pngload", (string)image.Get("vips-loader"));
            // The gradient runs red to blue from left to right, and still does at the smaller size.
            Assert.True(image.Getpoint(0, 12)[0] > 200 && image.Getpoint(49, 12)[2] > 200);
        }
        using (var hit = await client.GetAsync($"/assets{path}/-/content?w=50"))
        {
            Assert.Equal("hit", hit.Headers.GetValues("K-Cache-Status").Single());
            Assert.Equal(generated, await hit.Content.ReadAsByteArrayAsync());
        }
        info = await client.GetJsonAsync($"/assets{path}/-/info");
        var objects = info.GetProperty("variants").EnumerateArray()
            .Select(v => (v.GetProperty("storeBucket").GetString()!, v.GetProperty("storeKey").GetString()!)).ToArray();
        Assert.Equal(2, objects.Length);

        // Delete
        using (var deleted = await client.DeleteAsync($"/assets{path}/-/entry/0"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await client.GetAsync($"/assets{path}/-/info"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using (var goneContent = await client.GetAsync($"/assets{path}/-/entry/0/content"))
            Assert.Equal(HttpStatusCode.NotFound, goneContent.StatusCode);
        return objects;
    }
}
