using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Konifer.Tests.Inference;
using Konifer.Tests.TestSupport;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Konifer.Tests.Http;

/// <summary>
/// POST /rule-evaluations against the tiny SigLIP2 stand-in (image embedding [mean R, mean G, mean B, 2], text
/// embedding a sum of non-negative table rows): a white image scores near 1 for any prompt, a black one near 0.
/// </summary>
[Collection(Siglip2Collection.Name)]
public sealed class RuleEvaluationsTests(TinySiglip2 model) : IAsyncLifetime
{
    private const string Route = "/rule-evaluations";
    private readonly List<KoniferTestServer> _servers = [];
    private readonly byte[] _white = TestImages.Solid(64, 48, 255, 255, 255);
    private readonly byte[] _black = TestImages.Solid(64, 48, 0, 0, 0);
    private OriginServer _origin = null!;

    public async Task InitializeAsync() => _origin = await OriginServer.StartAsync(TestImages.Solid(40, 30, 255, 255, 255));

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        await _origin.DisposeAsync();
    }

    private async Task<KoniferTestServer> KoniferAsync(bool enabled = true, string extra = "")
    {
        var server = await KoniferTestServer.StartAsync($$"""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            source.url.allowed-domains = ["127.0.0.1"]
            rules.model-dir = "{{model.Directory}}"
            api.rule-evaluation.enabled = {{(enabled ? "true" : "false")}}
            {{extra}}
            """);
        _servers.Add(server);
        return server;
    }

    private static object Definition(string name, double threshold, params string[] prompts) => new { name, prompts, threshold };

    private static MultipartFormDataContent Upload(byte[] image, params object[] definitions) =>
        AssetRequests.Multipart(image, new { definitions });

    private static async Task<JsonElement> ResultsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("results").Clone();
    }

    [Fact]
    public async Task Route_does_not_exist_unless_enabled()
    {
        var server = await KoniferAsync(enabled: false);

        using var response = await server.Client.PostAsync(Route, Upload(_white, Definition("any", 0.5, "a cat")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Upload_of_a_white_image_matches_and_a_black_one_does_not_and_nothing_is_stored()
    {
        var server = await KoniferAsync();
        var before = StoredObjects.Count(server);

        using var white = await server.Client.PostAsync(Route, Upload(_white, Definition("bright", 0.5, "a cat")));
        using var black = await server.Client.PostAsync(Route, Upload(_black, Definition("bright", 0.5, "a cat")));

        var whiteResult = Assert.Single((await ResultsAsync(white)).EnumerateArray());
        var blackResult = Assert.Single((await ResultsAsync(black)).EnumerateArray());
        Assert.True(whiteResult.GetProperty("matched").GetBoolean());
        Assert.True(whiteResult.GetProperty("score").GetDouble() >= 0.5);
        Assert.False(blackResult.GetProperty("matched").GetBoolean());
        Assert.True(blackResult.GetProperty("score").GetDouble() < 0.5);
        Assert.Equal(0.5, blackResult.GetProperty("threshold").GetDouble());
        Assert.Equal(before, StoredObjects.Count(server));
    }

    [Fact]
    public async Task Score_is_the_sigmoid_of_the_scaled_cosine_of_the_tiny_models_embeddings()
    {
        var server = await KoniferAsync();
        // This grey puts the score near 0.4, off the sigmoid's flat ends, so the formula is really checked.
        var image = TestImages.Solid(32, 32, 165, 165, 165);

        using var response = await server.Client.PostAsync(Route, Upload(image, Definition("cat", 0.5, " A Cat ")));

        var result = Assert.Single((await ResultsAsync(response)).EnumerateArray());
        var promptScore = Assert.Single(result.GetProperty("promptScores").EnumerateArray());
        Assert.Equal("a cat", promptScore.GetProperty("prompt").GetString());

        const double grey = 165 / 127.5 - 1;
        double[] pixel = [grey, grey, grey, 2];
        var text = new double[4];
        foreach (var id in model.Prompts["this is a photo of a cat"].Append(model.Eos))
        {
            var row = TinySiglip2.TableRow(id);
            for (var i = 0; i < 4; i++) text[i] += row[i];
        }
        var cosine = Dot(pixel, text) / Length(pixel) / Length(text);
        // google/siglip2-base-patch16-224's logit scale (a log) and bias.
        var expected = 1 / (1 + Math.Exp(-(cosine * Math.Exp(4.724453449249268) - 16.771724700927734)));
        Assert.InRange(expected, 0.1, 0.9);
        // The tower's float mean of 50 176 values is off by ~1e-5, which the sigmoid's slope (~27 here) magnifies.
        Assert.InRange(promptScore.GetProperty("score").GetDouble(), expected - 2e-3, expected + 2e-3);
        Assert.Equal(promptScore.GetProperty("score").GetDouble(), result.GetProperty("score").GetDouble());
        Assert.False(result.GetProperty("matched").GetBoolean());
    }

    [Fact]
    public async Task Results_keep_request_order_and_prompt_scores_keep_the_definitions_normalized_order()
    {
        var server = await KoniferAsync();

        using var response = await server.Client.PostAsync(Route, Upload(_white,
            Definition("Zeta", 0.9, "a red car", "zebra", "A Red Car"),
            Definition("alpha", 0.1, "this is a photo of a cat")));

        var results = (await ResultsAsync(response)).EnumerateArray().ToArray();
        Assert.Equal(["zeta", "alpha"], results.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(["a red car", "zebra"], results[0].GetProperty("promptScores").EnumerateArray().Select(p => p.GetProperty("prompt").GetString()));
        Assert.Equal(["a cat"], results[1].GetProperty("promptScores").EnumerateArray().Select(p => p.GetProperty("prompt").GetString()));
        var best = results[0].GetProperty("promptScores").EnumerateArray().Max(p => p.GetProperty("score").GetDouble());
        Assert.Equal(best, results[0].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Json_body_with_a_url_source_or_the_deprecated_url_is_fetched_and_nothing_is_stored()
    {
        var server = await KoniferAsync();
        var url = _origin.Url("/image.png");
        var before = StoredObjects.Count(server);

        using var source = await server.Client.PostAsync(Route, AssetRequests.Json(new
        {
            source = new { http = new { url } },
            definitions = new[] { Definition("bright", 0.5, "zebra") },
        }));
        using var deprecated = await server.Client.PostAsync(Route, AssetRequests.Json(new { url, definitions = new[] { Definition("bright", 0.5, "zebra") } }));

        Assert.True(Assert.Single((await ResultsAsync(source)).EnumerateArray()).GetProperty("matched").GetBoolean());
        Assert.True(Assert.Single((await ResultsAsync(deprecated)).EnumerateArray()).GetProperty("matched").GetBoolean());
        Assert.True(_origin.Requests >= 2);
        Assert.Equal(before, StoredObjects.Count(server));
    }

    [Fact]
    public async Task Json_body_follows_the_stores_source_rules()
    {
        var server = await KoniferAsync();
        var definitions = new[] { Definition("any", 0.5, "zebra") };

        Assert.Equal("URL or S3 ARN must be supplied", await RefusedAsync(server, AssetRequests.Json(new { definitions })));
        Assert.Equal("Only one of source.http.url or source.s3.arn, or url can be supplied", await RefusedAsync(server,
            AssetRequests.Json(new { url = _origin.Url("/image.png"), source = new { s3 = new { arn = "arn:aws:s3:::bucket/key.png" } }, definitions })));
        // By name, loopback is not an allowed domain: refused before anything is fetched, as for a store.
        var requests = _origin.Requests;
        var url = $"http://localhost:{_origin.Port}/image.png";
        var evaluation = await RefusedAsync(server, AssetRequests.Json(new { url, definitions }));
        using var store = await server.Client.PostAsync("/assets/remote/pic", AssetRequests.Json(new { url }));
        Assert.Equal(await store.ProblemMessageAsync(), evaluation);
        Assert.Contains("allowed-domains", evaluation, StringComparison.Ordinal);
        Assert.Equal(requests, _origin.Requests);
    }

    [Theory]
    [InlineData("[]", "At least one rule request is required")]
    [InlineData("""[{"name":" ","prompts":["a"],"threshold":0.5}]""", "Rule name cannot be blank")]
    [InlineData("""[{"name":"a","prompts":[],"threshold":0.5}]""", "Rule definition must have at least one prompt")]
    [InlineData("""[{"name":"a","prompts":["  "],"threshold":0.5}]""", "Prompt must not be empty.")]
    [InlineData("""[{"name":"a","prompts":["x"],"threshold":1.5}]""", "Rule threshold must be between 0.0 and 1.0")]
    [InlineData("""[{"name":"a","prompts":["x"]}]""", "Rule threshold must be between 0.0 and 1.0")]
    [InlineData("""[{"name":"Twice","prompts":["x"],"threshold":0.5},{"name":"twice","prompts":["y"],"threshold":0.5}]""", "Duplicate rule definition name: twice")]
    public async Task Invalid_definitions_are_400_with_the_references_message(string definitions, string message)
    {
        var server = await KoniferAsync();

        Assert.Equal(message, await RefusedAsync(server, AssetRequests.MultipartWithJson(_white, $$"""{"definitions":{{definitions}}}""")));
        var requests = _origin.Requests;
        Assert.Equal(message, await RefusedAsync(server, JsonText($$"""{"url":"{{_origin.Url("/image.png")}}","definitions":{{definitions}}}""")));
        // Refused before the image is fetched.
        Assert.Equal(requests, _origin.Requests);
    }

    [Fact]
    public async Task Definitions_are_required_and_at_most_ten()
    {
        var server = await KoniferAsync();
        var eleven = Enumerable.Range(0, 11).Select(i => Definition($"r{i}", 0.5, "zebra")).ToArray();

        Assert.Equal("At least one rule request is required", await RefusedAsync(server, AssetRequests.MultipartWithJson(_white, "{}")));
        Assert.Equal("Maximum of 10 rule definitions allowed per request", await RefusedAsync(server, Upload(_white, eleven)));
        Assert.Equal(10, (await ResultsAsync(await server.Client.PostAsync(Route, Upload(_white, eleven[..10])))).GetArrayLength());
    }

    [Fact]
    public async Task Multipart_parts_missing_or_doubled_are_400_with_the_references_messages()
    {
        var server = await KoniferAsync();
        const string metadata = """{"definitions":[{"name":"a","prompts":["zebra"],"threshold":0.5}]}""";

        var twoAssets = AssetRequests.MultipartWithJson(_white, metadata);
        twoAssets.Add(new ByteArrayContent(_black), "asset", "second.png");
        Assert.Equal("Multiple asset payloads supplied", await RefusedAsync(server, twoAssets));

        var twoMetadata = AssetRequests.MultipartWithJson(_white, metadata);
        twoMetadata.Add(new StringContent(metadata, Encoding.UTF8, "application/json"), "metadata");
        Assert.Equal("Multiple metadata payloads supplied", await RefusedAsync(server, twoMetadata));

        var noMetadata = new MultipartFormDataContent { { new ByteArrayContent(_white), "asset", "upload.png" } };
        Assert.Equal("No asset metadata supplied", await RefusedAsync(server, noMetadata));

        var metadataAsFile = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(metadata)), "metadata", "metadata.json" },
            { new ByteArrayContent(_white), "asset", "upload.png" },
        };
        Assert.Equal("No asset metadata supplied", await RefusedAsync(server, metadataAsFile));

        var noAsset = new MultipartFormDataContent { { new StringContent(metadata, Encoding.UTF8, "application/json"), "metadata" } };
        Assert.Equal("No asset payload supplied", await RefusedAsync(server, noAsset));

        Assert.Equal("External source not allowed with multipart content", await RefusedAsync(server,
            AssetRequests.MultipartWithJson(_white, $$"""{"url":"{{_origin.Url("/image.png")}}","definitions":[{"name":"a","prompts":["zebra"],"threshold":0.5}]}""")));
    }

    [Fact]
    public async Task Unsupported_image_is_refused_as_a_store_refuses_it()
    {
        var server = await KoniferAsync();
        var notAnImage = Encoding.UTF8.GetBytes("this is not an image at all, only text");

        var evaluation = await RefusedAsync(server, Upload(notAnImage, Definition("a", 0.5, "zebra")));
        using var store = await server.Client.PostAsync("/assets/some/path", AssetRequests.Multipart(notAnImage));

        Assert.Equal(HttpStatusCode.BadRequest, store.StatusCode);
        Assert.Equal(await store.ProblemMessageAsync(), evaluation);
    }

    [Fact]
    public async Task Asset_over_the_multipart_limit_is_413()
    {
        var server = await KoniferAsync(extra: "source.multipart.max-bytes = 100");

        var message = await RefusedAsync(server, Upload(TestImages.Gradient(200, 200), Definition("a", 0.5, "zebra")), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("source.multipart.max-bytes", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Other_content_types_are_a_bare_415(string contentType)
    {
        var server = await KoniferAsync();
        using var content = new ByteArrayContent(_white);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await server.Client.PostAsync(Route, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Route_is_in_the_api_document_when_enabled_only()
    {
        var enabled = await KoniferAsync();
        var disabled = await KoniferAsync(enabled: false);

        var document = await ReadDocumentAsync(enabled);
        Assert.True(document.Paths.TryGetValue(Route, out var item));
        var operation = item.Operations![HttpMethod.Post];
        Assert.Contains("multipart/form-data", operation.RequestBody!.Content!.Keys);
        Assert.Contains("application/json", operation.RequestBody.Content.Keys);
        Assert.Contains("200", operation.Responses!.Keys);
        Assert.Contains("415", operation.Responses.Keys);
        Assert.False((await ReadDocumentAsync(disabled)).Paths.ContainsKey(Route));
    }

    private async Task<string> RefusedAsync(KoniferTestServer server, HttpContent content, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var before = StoredObjects.Count(server);
        using (content)
        using (var response = await server.Client.PostAsync(Route, content))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
            Assert.Equal(before, StoredObjects.Count(server));
            return await response.ProblemMessageAsync();
        }
    }

    private static StringContent JsonText(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<OpenApiDocument> ReadDocumentAsync(KoniferTestServer server)
    {
        using var response = await server.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (document, diagnostic) = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), "json");
        Assert.Empty(diagnostic!.Errors.Select(e => e.ToString()));
        return document!;
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double Length(double[] v) => Math.Sqrt(Dot(v, v));
}
