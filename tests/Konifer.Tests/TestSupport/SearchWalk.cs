using System.Net;
using System.Text.Json;

namespace Konifer.Tests.TestSupport;

/// <summary>
/// Search seen from a client, on the tiny SigLIP2 model: its image embedding follows the mean colour and its text
/// embeddings have no negative component, so for any text a white picture ranks above a grey one above a black one,
/// and a near-white picture is the most similar to a white one.
/// </summary>
public static class SearchWalk
{
    public static string Config(string modelDirectory) => $$"""
        rules.model-dir = "{{modelDirectory}}"
        rule-definitions { bright { prompts = ["a bright white picture"], threshold = 0.5 } }
        paths {
          "/photos/**" { search.enabled = true }
          "/photos/hidden/**" { search.enabled = false }
          "/screened/**" { search.enabled = true, upload-ruleset.reject-rules = [ { rule = bright } ] }
        }
        """;

    public static byte[] White => TestImages.Solid(32, 24, 255, 255, 255);
    public static byte[] NearWhite => TestImages.Solid(32, 24, 235, 235, 235);
    public static byte[] Grey => TestImages.Solid(32, 24, 128, 128, 128);
    public static byte[] Black => TestImages.Solid(32, 24, 0, 0, 0);

    public static async Task<JsonElement[]> SearchAsync(HttpClient client, string pathAndQuery)
    {
        var body = await client.GetJsonAsync(pathAndQuery);
        return body.GetProperty("results").EnumerateArray().ToArray();
    }

    public static string[] ResultPaths(JsonElement[] results) => results.Select(r => r.GetProperty("path").GetString()!).ToArray();

    public static async Task<string> RefusedAsync(HttpClient client, string url, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        return await response.ProblemMessageAsync();
    }
}
