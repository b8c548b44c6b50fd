using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Konifer.Tests.TestSupport;

/// <summary>Builds store requests as a client would: multipart with a metadata JSON part and an asset part.</summary>
public static class AssetRequests
{
    public static MultipartFormDataContent Multipart(byte[] asset, object? metadata = null, string assetContentType = "application/octet-stream") =>
        MultipartWithJson(asset, JsonSerializer.Serialize(metadata ?? new { }), assetContentType);

    /// <summary>As <see cref="Multipart"/>, with the metadata part's JSON exactly as given.</summary>
    public static MultipartFormDataContent MultipartWithJson(byte[] asset, string metadataJson, string assetContentType = "application/octet-stream")
    {
        var content = new MultipartFormDataContent();
        var json = new StringContent(metadataJson);
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(json, "metadata");
        var bytes = new ByteArrayContent(asset);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(assetContentType);
        content.Add(bytes, "asset", "upload.bin");
        return content;
    }

    public static async Task<JsonElement> StoreAsync(this HttpClient client, string path, byte[] asset, object? metadata = null)
    {
        using var response = await client.PostAsync("/assets" + path, Multipart(asset, metadata));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new Xunit.Sdk.XunitException($"Store failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new Xunit.Sdk.XunitException($"GET {url} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("message").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("type").GetString()));
        return problem;
    }

    public static async Task<string> ProblemMessageAsync(this HttpResponseMessage response) =>
        (await response.ProblemAsync()).GetProperty("message").GetString()!;

    public static JsonContent Json(object body) => JsonContent.Create(body);
}
