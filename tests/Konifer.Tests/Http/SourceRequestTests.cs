using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary>
/// The request shapes of a store from an external source: <c>source.http.url</c>, <c>source.s3.arn</c> and the
/// deprecated top-level <c>url</c>, their resolution and its messages, and the multipart upload's refusal of a source.
/// </summary>
public sealed class SourceRequestTests : IAsyncLifetime
{
    private OriginServer _origin = null!;
    private KoniferTestServer _server = null!;
    private readonly byte[] _png = TestImages.Gradient(40, 30);

    public async Task InitializeAsync()
    {
        _origin = await OriginServer.StartAsync(_png);
        _server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            source.url.allowed-domains = ["127.0.0.1"]
            """);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _origin.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostJsonAsync(string json) =>
        _server.Client.PostAsync("/assets/remote/pic", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<JsonElement> StoredAsync(string json)
    {
        using var response = await PostJsonAsync(json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<string> RefusedAsync(string json)
    {
        return await StoredObjects.AssertNothingStoredAsync(_server, "/remote/pic", async () =>
        {
            using var response = await PostJsonAsync(json);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
    }

    [Fact]
    public async Task Source_http_url_is_stored_with_its_information_as_a_url_source()
    {
        var url = _origin.Url("/image.png");

        var asset = await StoredAsync($$$"""{"source":{"http":{"url":"{{{url}}}"}},"alt":"A","labels":{"k":"v"},"tags":["t"]}""");

        Assert.Equal("url", asset.GetProperty("source").GetString());
        Assert.Equal(url, asset.GetProperty("sourceUrl").GetString());
        Assert.Equal("A", asset.GetProperty("alt").GetString());
        Assert.Equal("v", asset.GetProperty("labels").GetProperty("k").GetString());
        Assert.Equal(["t"], asset.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(_png, await _server.Client.GetByteArrayAsync("/assets/remote/pic/-/content"));
    }

    [Fact]
    public async Task The_deprecated_top_level_url_still_works()
    {
        var url = _origin.Url("/image.png");
        var asset = await StoredAsync($$$"""{"url":"{{{url}}}"}""");
        Assert.Equal(url, asset.GetProperty("sourceUrl").GetString());
    }

    [Fact]
    public async Task Source_http_url_wins_over_the_deprecated_url_without_a_word()
    {
        var winner = _origin.Url("/image.png");
        var asset = await StoredAsync($$$"""{"source":{"http":{"url":"{{{winner}}}"}},"url":"{{{_origin.Url("/missing")}}}"}""");
        Assert.Equal(winner, asset.GetProperty("sourceUrl").GetString());
        Assert.Equal(1, _origin.Requests);
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_as_before()
    {
        var url = _origin.Url("/image.png");
        await StoredAsync($$$"""{"source":{"http":{"url":"{{{url}}}","method":"POST"},"ftp":{}},"colour":"red"}""");
    }

    [Theory]
    [InlineData("""{"alt":"x"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"source":{}}""")]
    [InlineData("""{"source":null,"url":null}""")]
    [InlineData("""{"source":{"http":{},"s3":{}}}""")]
    [InlineData("""{"source":{"http":{"url":null}}}""")]
    public async Task No_source_at_all_is_400(string json) =>
        Assert.Equal("URL or S3 ARN must be supplied", await RefusedAsync(json));

    [Theory]
    [InlineData("""{"source":{"http":{"url":"http://127.0.0.1/a.png"},"s3":{"arn":"arn:aws:s3:::b/k"}}}""")]
    [InlineData("""{"source":{"s3":{"arn":"arn:aws:s3:::b/k"}},"url":"http://127.0.0.1/a.png"}""")]
    [InlineData("""{"source":{"s3":{"arn":"not an arn"}},"url":"not a url"}""")]
    public async Task A_url_and_an_arn_together_are_400_before_either_is_used(string json)
    {
        Assert.Equal("Only one of source.http.url or source.s3.arn, or url can be supplied", await RefusedAsync(json));
        Assert.Equal(0, _origin.Requests);
    }

    [Theory]
    [InlineData("not-an-arn", "Invalid ARN")]
    [InlineData("arn:aws:s3:us-east-1::asset-sources/asset.png", "Not an S3 object ARN")]
    [InlineData("arn:aws:s3:::asset-sources", "S3 object ARN must contain a bucket and key")]
    public async Task A_malformed_arn_is_400_with_the_reference_message(string arn, string message) =>
        Assert.Equal(message, await RefusedAsync(JsonSerializer.Serialize(new { source = new { s3 = new { arn } } })));

    [Theory]
    [InlineData("""{"source":"http://127.0.0.1/a.png"}""")]
    [InlineData("""{"source":{"http":{"url":5}}}""")]
    [InlineData("""{"source":{"s3":"arn:aws:s3:::b/k"}}""")]
    public async Task A_source_of_the_wrong_shape_is_400_naming_where(string json) =>
        Assert.Contains("$.source", await RefusedAsync(json));

    [Theory]
    [InlineData("""{"source":{"http":{"url":"http://127.0.0.1/a.png"}}}""")]
    [InlineData("""{"source":{"s3":{"arn":"arn:aws:s3:::b/k"}}}""")]
    [InlineData("""{"url":"http://127.0.0.1/a.png"}""")]
    [InlineData("""{"alt":"x","source":{}}""")]
    public async Task A_multipart_upload_whose_metadata_names_a_source_is_400(string metadata)
    {
        var message = await StoredObjects.AssertNothingStoredAsync(_server, "/upload/pic", async () =>
        {
            using var response = await _server.Client.PostAsync("/assets/upload/pic", AssetRequests.MultipartWithJson(_png, metadata));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
        Assert.Equal("External source not allowed with multipart content", message);
        Assert.Equal(0, _origin.Requests);
    }

    [Fact]
    public async Task A_multipart_upload_with_a_null_source_is_an_ordinary_upload()
    {
        using var response = await _server.Client.PostAsync("/assets/upload/pic", AssetRequests.MultipartWithJson(_png, """{"alt":"x","source":null,"url":null}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var asset = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("upload", asset.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("asset", "Multiple asset payloads supplied")]
    [InlineData("metadata", "Multiple metadata payloads supplied")]
    public async Task A_second_asset_or_metadata_part_is_400(string doubled, string expected)
    {
        using var content = AssetRequests.Multipart(_png, new { alt = "x" });
        if (doubled == "asset")
            content.Add(new ByteArrayContent(_png), "asset", "second.png");
        else
            content.Add(new StringContent("{}", new MediaTypeHeaderValue("application/json")), "metadata");

        var message = await StoredObjects.AssertNothingStoredAsync(_server, "/upload/pic", async () =>
        {
            using var response = await _server.Client.PostAsync("/assets/upload/pic", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
        Assert.Equal(expected, message);
    }
}
