using System.Net;
using System.Net.Http.Headers;
using Konifer.Tests.TestSupport;
using Konifer.Transformations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Konifer.Tests.Http;

/// <summary>
/// The API document at /openapi/v1.json, read as a client generator would: it must parse and validate, list every
/// route the running server maps (so a new route without documentation fails here), and announce the statuses and
/// media types that real requests get back.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private const string Assets = "/assets/{rest}";

    private static async Task<OpenApiDocument> ReadDocumentAsync(KoniferTestServer server)
    {
        using var response = await server.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var (document, diagnostic) = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), "json");
        Assert.NotNull(diagnostic);
        Assert.Empty(diagnostic.Errors.Select(e => e.ToString()));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.NotNull(document);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => $"{e.Pointer}: {e.Message}"));
        return document;
    }

    private static OpenApiOperation Operation(OpenApiDocument document, string path, HttpMethod method)
    {
        Assert.True(document.Paths.TryGetValue(path, out var item), $"{path} is not in the document");
        Assert.True(item.Operations!.TryGetValue(method, out var operation), $"{method} {path} is not in the document");
        return operation;
    }

    [Fact]
    public async Task Every_mapped_route_and_method_is_documented_and_nothing_else()
    {
        await using var server = await KoniferTestServer.StartAsync();
        var document = await ReadDocumentAsync(server);

        var mapped = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: DocumentPath(e.RoutePattern.RawText!), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods))
            // The documentation's own routes (the document and its page) are not part of the API.
            .Where(e => !e.Path.StartsWith("/openapi/", StringComparison.Ordinal) && !e.Path.StartsWith("/scalar", StringComparison.Ordinal))
            .ToArray();
        Assert.Contains(mapped, e => e.Path == Assets);
        Assert.Contains(mapped, e => e.Path == "/health/ready");

        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, methods) in mapped)
        {
            Assert.True(methods is { Count: > 0 }, $"{path} answers every method: name them, so the document can list them");
            foreach (var method in methods) expected.Add($"{method} {path}");
        }
        var documented = new SortedSet<string>(document.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method} {p.Key}")), StringComparer.Ordinal);
        Assert.Equal(expected, documented);
    }

    /// <summary>/assets/{**rest} or {name:constraint=default} as OpenAPI writes it: {rest}, {name}.</summary>
    private static string DocumentPath(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace("/" + pattern.TrimStart('/'), @"\{\*{0,2}([^}:=?]+)[^}]*\}", "{$1}");

    [Fact]
    public async Task Every_transformation_parameter_is_documented_with_its_range_or_words()
    {
        await using var server = await KoniferTestServer.StartAsync();
        var fetch = Operation(await ReadDocumentAsync(server), Assets, HttpMethod.Get);
        var parameters = fetch.Parameters!.ToDictionary(p => p.Name!);

        // Every name the query parser reserves for transformations, plus limit, the signature and the label filters.
        foreach (var name in TransformationParameters.Query.Append("limit").Append("s").Append("exp").Append("labels"))
            Assert.True(parameters.ContainsKey(name), $"query parameter {name} is not documented");
        Assert.Equal(ParameterLocation.Path, parameters["rest"].In);
        Assert.Contains("/-/", parameters["rest"].Description);

        Assert.Equal(JsonSchemaType.Integer, parameters["w"].Schema!.Type);
        Assert.Equal("1", parameters["w"].Schema!.Minimum);
        Assert.Equal("8192", parameters["w"].Schema!.Maximum);
        Assert.Equal("100", parameters["q"].Schema!.Maximum);
        Assert.Equal(["fit", "fill", "stretch", "crop"], parameters["fit"].Schema!.Enum!.Select(v => v.ToString()));
        Assert.Equal(["0", "90", "180", "270", "auto"], parameters["r"].Schema!.Enum!.Select(v => v.ToString()));
        Assert.Contains("webp", parameters["format"].Schema!.Enum!.Select(v => v.ToString()));
        Assert.Equal(["exif", "iptc", "xmp"], parameters["strip"].Schema!.Items!.Enum!.Select(v => v.ToString()));
        Assert.Equal(JsonSchemaType.Object, parameters["labels"].Schema!.Type);
        Assert.Equal(JsonSchemaType.String, parameters["labels"].Schema!.AdditionalProperties!.Type);
    }

    [Fact]
    public async Task Real_answers_are_among_the_documented_statuses_and_media_types()
    {
        await using var server = await KoniferTestServer.StartAsync();
        var document = await ReadDocumentAsync(server);
        // A generator's client sees the 307 itself, not where it leads.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        async Task Check(HttpMethod method, string url, HttpStatusCode status, HttpContent? body = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body };
            using var response = await client.SendAsync(request);
            Assert.Equal(status, response.StatusCode);
            var operation = Operation(document, Assets, method);
            Assert.True(operation.Responses!.TryGetValue(((int)status).ToString(), out var documented), $"{method} {url}: {(int)status} is not documented");
            if (response.Content.Headers.ContentType?.MediaType is { } type)
                Assert.True(documented.Content?.ContainsKey(type) == true, $"{method} {url}: {(int)status} {type} is not documented");
        }

        var png = TestImages.Gradient(40, 20);
        await Check(HttpMethod.Post, "/assets/docs/1", HttpStatusCode.Created, AssetRequests.Multipart(png));
        await Check(HttpMethod.Post, "/assets/docs/1", HttpStatusCode.UnsupportedMediaType, new StringContent("x"));
        await Check(HttpMethod.Get, "/assets/docs/1", HttpStatusCode.OK);
        await Check(HttpMethod.Get, "/assets/docs/1/-/info", HttpStatusCode.OK);
        await Check(HttpMethod.Get, "/assets/docs/1/-/entries", HttpStatusCode.OK);
        await Check(HttpMethod.Get, "/assets/docs/1/-/content?w=20&format=webp", HttpStatusCode.OK);
        await Check(HttpMethod.Get, "/assets/docs/1/-/content?format=avif", HttpStatusCode.OK);
        await Check(HttpMethod.Head, "/assets/docs/1/-/download", HttpStatusCode.OK);
        await Check(HttpMethod.Get, "/assets/docs/1/-/redirect", HttpStatusCode.TemporaryRedirect);
        await Check(HttpMethod.Get, "/assets/docs/1/-/content?w=0", HttpStatusCode.BadRequest);
        await Check(HttpMethod.Get, "/assets/docs/nothing", HttpStatusCode.NotFound);
        await Check(HttpMethod.Put, "/assets/docs/1/-/entry/0", HttpStatusCode.OK, AssetRequests.Json(new { alt = "a" }));
        await Check(HttpMethod.Put, "/assets/docs/1/-/entry/99", HttpStatusCode.NotFound, AssetRequests.Json(new { alt = "a" }));
        await Check(HttpMethod.Put, "/assets/docs/1/-/entry/0", HttpStatusCode.UnsupportedMediaType, new StringContent("alt=a"));
        await Check(HttpMethod.Delete, "/assets/docs/1/-/bogus", HttpStatusCode.BadRequest);
        await Check(HttpMethod.Delete, "/assets/docs/1", HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Problems_are_documented_with_the_message_field_and_content_with_every_image_type()
    {
        await using var server = await KoniferTestServer.StartAsync();
        var document = await ReadDocumentAsync(server);
        foreach (var (method, operation) in document.Paths[Assets].Operations!)
        {
            var problems = operation.Responses!.Where(r => r.Key[0] is '4' or '5').ToArray();
            Assert.Contains(problems, p => p.Key == "500");
            foreach (var (status, response) in problems)
            {
                Assert.True(response.Content!.TryGetValue("application/problem+json", out var media), $"{method} {status} has no problem+json");
                var properties = media.Schema!.Properties!.Keys;
                Assert.Superset(new HashSet<string> { "type", "title", "status", "detail", "message" }, properties.ToHashSet());
            }
        }
        var content = Operation(document, Assets, HttpMethod.Get).Responses!["200"].Content!;
        Assert.Superset(new HashSet<string> { "application/json", "image/jpeg", "image/png", "image/webp", "image/avif", "image/gif", "image/jxl", "image/heic" },
            content.Keys.ToHashSet());
        var stored = Operation(document, Assets, HttpMethod.Post);
        Assert.Superset(new HashSet<string> { "multipart/form-data", "application/json" }, stored.RequestBody!.Content!.Keys.ToHashSet());
        Assert.True(stored.Responses!["201"].Headers!.ContainsKey("Location"));
        Assert.True(Operation(document, Assets, HttpMethod.Put).RequestBody!.Content!.ContainsKey("application/json"));
    }

    [Fact]
    public async Task The_document_and_its_page_stay_reachable_when_url_signing_is_on()
    {
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig + "\nurl-signing { enabled = true, secret-key = a-secret }");
        await ReadDocumentAsync(server);
        using var page = await server.Client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        using var unsigned = await server.Client.GetAsync("/assets/docs/1/-/info");
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
    }

    [Fact]
    public async Task Both_are_gone_when_disabled()
    {
        await using var server = await KoniferTestServer.StartAsync(KoniferTestServer.InMemoryConfig + "\nhttp.openapi.enabled = false");
        using var document = await server.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        using var page = await server.Client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
