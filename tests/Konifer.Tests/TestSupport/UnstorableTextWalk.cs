using System.Net;
using System.Text;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// Text no store can keep (U+0000, a lone UTF-16 surrogate) in every field a client writes or filters by: each is a
/// 400 naming the field, nothing is stored, and ordinary requests afterwards still work. Shared by every store
/// configuration: on PostgreSQL such text once failed inside the database and spoiled a pooled connection, so the
/// next ordinary upload of another client failed too.
/// </summary>
public static class UnstorableTextWalk
{
    public static async Task RunAsync(HttpClient client, string path)
    {
        var png = TestImages.Gradient(40, 20);
        // Raw JSON, so that the escapes reach the server exactly as a client could send them.
        (string Metadata, string Field)[] uploads =
        [
            ("""{"alt":"a\u0000b"}""", "alt"),
            ("""{"alt":"a\ud800b"}""", "alt"),
            ("""{"labels":{"k\u0000":"v"}}""", "label key"),
            ("""{"labels":{"k":"v\u0000"}}""", "label 'k'"),
            ("""{"tags":["t\u0000"]}""", "tag"),
        ];
        // Three rounds: the failure must not depend on whether the database had prepared the statement yet.
        for (var round = 0; round < 3; round++)
        foreach (var (metadata, field) in uploads)
        {
            using var refused = await client.PostAsync("/assets" + path, AssetRequests.MultipartWithJson(png, metadata));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(field, await refused.ProblemMessageAsync(), StringComparison.OrdinalIgnoreCase);
        }
        using (var nothing = await client.GetAsync($"/assets{path}/-/info"))
            Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);

        using (var stored = await client.PostAsync("/assets" + path, AssetRequests.Multipart(png, new { alt = "fine" })))
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);

        for (var round = 0; round < 3; round++)
        {
            using var filtered = await client.GetAsync($"/assets{path}/-/info?k=%00");
            Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);
            Assert.Contains("label filter", await filtered.ProblemMessageAsync(), StringComparison.OrdinalIgnoreCase);
            using var deleted = await client.DeleteAsync($"/assets{path}?k=%00");
            Assert.Equal(HttpStatusCode.BadRequest, deleted.StatusCode);
            using var updated = await client.PutAsync($"/assets{path}/-/entry/0",
                new StringContent("""{"alt":"x\u0000"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, updated.StatusCode);
        }

        // Everything after the refusals still works, and the stored entry is untouched.
        var info = await client.GetJsonAsync($"/assets{path}/-/info");
        Assert.Equal("fine", info.GetProperty("alt").GetString());
        using (var another = await client.PostAsync("/assets" + path, AssetRequests.Multipart(png, new { alt = "next" })))
            Assert.Equal(HttpStatusCode.Created, another.StatusCode);
        using (var delete = await client.DeleteAsync($"/assets{path}/-/recursive"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }
}
