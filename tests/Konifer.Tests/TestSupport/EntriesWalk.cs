using System.Net;
using System.Text.Json;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// The <c>entries</c> return format over HTTP, as a client sees it: shared by the tests of every store configuration,
/// so each runs the same steps and checks.
/// </summary>
public static class EntriesWalk
{
    /// <summary>Runs the walk below <paramref name="root"/> (nothing stored there yet).</summary>
    public static async Task RunAsync(HttpClient client, string root)
    {
        var path = root + "/album";

        // A path with nothing stored lists nothing; it is not a 404.
        using (var empty = await client.GetAsync($"/assets{path}/-/entries"))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Equal("application/json", empty.Content.Headers.ContentType?.MediaType);
            Assert.Equal("""{"entries":[]}""", await empty.Content.ReadAsStringAsync());
        }

        var phones = new[] { "android", "iphone", "android" };
        for (var i = 0; i < phones.Length; i++)
            await client.StoreAsync(path, TestImages.Solid(8 + i, 8, 10, 20, 30), new { alt = $"upload {i}", labels = new { phone = phones[i] } });
        await client.StoreAsync(path + "/child", TestImages.Solid(8, 8, 1, 2, 3)); // a descendant is never listed

        // Every entry, newest first, each exactly as info answers it.
        var all = await Entries(client, $"/assets{path}/-/entries");
        Assert.Equal([2L, 1L, 0L], Ids(all));
        foreach (var entry in all)
        {
            var info = await client.GetJsonAsync($"/assets{path}/-/entry/{entry.GetProperty("entryId").GetInt64()}/info");
            Assert.Equal(info.GetRawText(), entry.GetRawText());
        }
        Assert.Equal(10, all[0].GetProperty("variants")[0].GetProperty("attributes").GetProperty("width").GetInt32());

        await ExpectIds(client, $"/assets{path}/-/new/entries?limit=2", [2L, 1L]);
        await ExpectIds(client, $"/assets{path}/-/NEW/ENTRIES?limit=-1", [2L, 1L, 0L]);
        await ExpectIds(client, $"/assets{path}/-/entries?phone=android", [2L, 0L]);
        await ExpectIds(client, $"/assets{path}/-/entries?phone=android&limit=1", [2L]);
        Assert.Empty(await Entries(client, $"/assets{path}/-/entries?phone=nokia"));

        // The modified order puts the entry updated last first.
        using (var put = await client.PutAsync($"/assets{path}/-/entry/0", AssetRequests.Json(new { alt = "touched", labels = new { phone = "android" } })))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await ExpectIds(client, $"/assets{path}/-/modified/entries", [0L, 2L, 1L]);
        await ExpectIds(client, $"/assets{path}/-/modified/entries?limit=2&label:phone=android", [0L, 2L]);

        // HEAD answers the headers of the same listing without a body.
        using (var get = await client.GetAsync($"/assets{path}/-/entries"))
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/assets{path}/-/entries")))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }

        // The selector rules of the reference.
        await Refused(client, $"/assets{path}/-/entry/1/entries", "Entries cannot be selected by entry ID");
        await Refused(client, $"/assets{path}/-/entries?w=10", "Transformation parameters cannot be combined with the entries return format.");
        await Refused(client, $"/assets{path}/-/entries?limit=0", "Invalid limit");
        await Refused(client, $"/assets{path}/-/entries?limit=-2", "Invalid limit");
        await Refused(client, $"/assets{path}/-/entries?limit=many", "Invalid limit");
        await Refused(client, $"/assets{path}/-/info?limit=-1", "Info requests must select a single entry");
        await Refused(client, $"/assets{path}/-/info?limit=2", "Cannot have limit > 1 with return format of: info");
        await Refused(client, $"/assets{path}/-/link?limit=3", "Cannot have limit > 1 with return format of: link");
    }

    private static async Task<JsonElement[]> Entries(HttpClient client, string url)
    {
        var body = await client.GetJsonAsync(url);
        Assert.Equal(["entries"], body.EnumerateObject().Select(p => p.Name));
        return body.GetProperty("entries").EnumerateArray().ToArray();
    }

    private static async Task ExpectIds(HttpClient client, string url, long[] expected) =>
        Assert.Equal(expected, Ids(await Entries(client, url)));

    private static long[] Ids(IEnumerable<JsonElement> entries) => entries.Select(e => e.GetProperty("entryId").GetInt64()).ToArray();

    private static async Task Refused(HttpClient client, string url, string message)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.ProblemMessageAsync());
    }
}
