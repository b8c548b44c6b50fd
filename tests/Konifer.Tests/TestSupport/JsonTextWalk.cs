using System.Net;
using System.Text.Json;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// The JSON a client reads, as raw text (issue 12): text written as itself (no <c>\u00E9</c>, <c>\u0026</c>,
/// <c>\u0027</c>), null properties left out and empty collections kept, in info, link, store and error bodies. Shared
/// by the tests of every store configuration.
/// </summary>
public static class JsonTextWalk
{
    public const string Alt = "Café & l'été <b>\"ü\"</b>";

    public static async Task RunAsync(HttpClient client, string path)
    {
        // A multipart upload without alt, labels or tags: nothing null is written, empty collections are.
        string stored;
        using (var response = await client.PostAsync("/assets" + path, AssetRequests.Multipart(TestImages.Gradient(40, 20))))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            stored = await response.Content.ReadAsStringAsync();
        }
        AssertNoNulls(stored);
        Assert.DoesNotContain("\"alt\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"sourceUrl\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"transformation\"", stored, StringComparison.Ordinal); // the original has none
        Assert.Contains("\"labels\":{}", stored, StringComparison.Ordinal);
        Assert.Contains("\"tags\":[]", stored, StringComparison.Ordinal);
        Assert.Contains("\"lqip\":{}", stored, StringComparison.Ordinal);

        using (var link = await client.GetAsync($"/assets{path}/-/link"))
        {
            var text = await link.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, link.StatusCode);
            AssertNoNulls(text);
            Assert.DoesNotContain("\"alt\"", text, StringComparison.Ordinal);
            Assert.Contains("\"lqip\":{}", text, StringComparison.Ordinal);
        }

        // Alt and labels round-trip through the store and come back written as themselves.
        using (var updated = await client.PutAsync($"/assets{path}/-/entry/0",
                   AssetRequests.Json(new { alt = Alt, labels = new Dictionary<string, string> { ["ville"] = "Zürich & Genève" } })))
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        foreach (var url in new[] { $"/assets{path}/-/info", $"/assets{path}/-/link" })
        {
            using var response = await client.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"alt\":\"Café & l'été <b>\\\"ü\\\"</b>\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
            Assert.Equal(Alt, JsonDocument.Parse(text).RootElement.GetProperty("alt").GetString());
        }
        var info = await client.GetStringAsync($"/assets{path}/-/info");
        Assert.Contains("\"ville\":\"Zürich & Genève\"", info, StringComparison.Ordinal);

        // A variant's transformation is written; its placeholders, when not computed, are not.
        var variantInfo = await client.GetStringAsync($"/assets{path}/-/link?w=20");
        AssertNoNulls(variantInfo);

        // Error bodies too: the message quotes the request's text as it was sent.
        using var error = await client.GetAsync($"/assets{path}/-/content?profile=été");
        var problem = await error.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("'été'", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", problem, StringComparison.Ordinal);
    }

    private static void AssertNoNulls(string json) => Assert.DoesNotContain(":null", json, StringComparison.Ordinal);
}
