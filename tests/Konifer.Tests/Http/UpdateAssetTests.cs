using System.Net;
using System.Net.Http.Headers;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

public sealed class UpdateAssetTests : IAsyncLifetime
{
    private KoniferTestServer _server = null!;
    private HttpClient Client => _server.Client;

    public async Task InitializeAsync()
    {
        _server = await KoniferTestServer.StartAsync();
        await Client.StoreAsync("/docs/a", TestImages.Solid(8, 8, 1, 2, 3), new { alt = "old", labels = new { k = "v" }, tags = new[] { "t" } });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Put_replaces_alt_labels_and_tags_and_bumps_modified_at()
    {
        var before = await Client.GetJsonAsync("/assets/docs/a/-/entry/0/info");
        await Task.Delay(20);
        using var response = await Client.PutAsync("/assets/docs/a/-/entry/0", AssetRequests.Json(new { alt = "new", labels = new { x = "y" } }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await Client.GetJsonAsync("/assets/docs/a/-/entry/0/info");
        Assert.Equal("new", after.GetProperty("alt").GetString());
        Assert.Equal("y", after.GetProperty("labels").GetProperty("x").GetString());
        Assert.False(after.GetProperty("labels").TryGetProperty("k", out _));
        Assert.Equal(0, after.GetProperty("tags").GetArrayLength());
        Assert.Equal(before.GetProperty("createdAt").GetString(), after.GetProperty("createdAt").GetString());
        Assert.True(after.GetProperty("modifiedAt").GetDateTimeOffset() > before.GetProperty("modifiedAt").GetDateTimeOffset());
        Assert.Equal(before.GetProperty("variants")[0].GetProperty("storeKey").GetString(), after.GetProperty("variants")[0].GetProperty("storeKey").GetString());
    }

    [Theory]
    [InlineData("/assets/docs/a", 400, "Updates need an exact entry")]
    [InlineData("/assets/docs/a/-/new", 400, "Updates need an exact entry")]
    [InlineData("/assets/docs/a/-/entry/0/info", 400, "Updates need an exact entry")]
    [InlineData("/assets/docs/a/-/entry/7", 404, "No asset with entry id 7")]
    [InlineData("/assets/docs/missing/-/entry/0", 404, "No asset with entry id 0")]
    public async Task Put_needs_an_existing_exact_entry(string url, int status, string message)
    {
        using var response = await Client.PutAsync(url, AssetRequests.Json(new { alt = "x" }));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, await response.ProblemMessageAsync());
    }

    [Fact]
    public async Task Put_validates_information_and_keeps_the_old_one()
    {
        using var response = await Client.PutAsync("/assets/docs/a/-/entry/0", AssetRequests.Json(new { alt = new string('x', 200) }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("alt is 200 characters long", await response.ProblemMessageAsync());
        var info = await Client.GetJsonAsync("/assets/docs/a/-/entry/0/info");
        Assert.Equal("old", info.GetProperty("alt").GetString());
    }

    [Fact]
    public async Task Put_needs_json()
    {
        using var text = await Client.PutAsync("/assets/docs/a/-/entry/0", new StringContent("alt=x") { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Contains("application/json", await text.ProblemMessageAsync());

        using var broken = await Client.PutAsync("/assets/docs/a/-/entry/0", new StringContent("{\"alt\": ") { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("not valid JSON", await broken.ProblemMessageAsync());
    }
}
