using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http.Auth;

/// <summary>Keys, their konifer.conf hashes (computed here, not by the server's code) and requests that carry them.</summary>
public static class AuthRequests
{
    /// <summary><c>sha256:</c> and the lower-case hex SHA-256 of the key's UTF-8 bytes, as docs/security.md describes it.</summary>
    public static string Hash(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Entry(string name, string key, string scopes, string paths) =>
        $"{{ name = {name}, hash = \"{Hash(key)}\", scopes = [{scopes}], paths = [{paths}] }}";

    public static HttpRequestMessage Request(HttpMethod method, string url, string? key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    public static async Task<HttpResponseMessage> StoreAsync(this HttpClient client, string path, string? key)
    {
        using var request = Request(HttpMethod.Post, "/assets" + path, key, AssetRequests.Multipart(TestImages.Solid(4, 4, 10, 20, 30)));
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, string? key, HttpContent? content = null)
    {
        using var request = Request(method, url, key, content);
        return await client.SendAsync(request);
    }
}
