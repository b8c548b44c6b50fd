using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

/// <summary><c>X-Content-Type-Options: nosniff</c> on every response, not only on image bytes.</summary>
public sealed class NoSniffTests
{
    [Fact]
    public async Task Every_kind_of_answer_says_nosniff()
    {
        await using var server = await KoniferTestServer.StartAsync();
        var client = server.Client;
        await client.StoreAsync("/users/1", TestImages.Gradient(40, 20));
        using var content = await client.GetAsync("/assets/users/1/-/content");

        var requests = new List<HttpRequestMessage>
        {
            new(HttpMethod.Get, "/health"),
            new(HttpMethod.Get, "/assets/users/1"),                       // link JSON
            new(HttpMethod.Get, "/assets/users/1/-/info"),                // info JSON
            new(HttpMethod.Head, "/assets/users/1/-/content"),
            new(HttpMethod.Get, "/assets/users/1/-/content") { Headers = { IfNoneMatch = { content.Headers.ETag! } } }, // 304
            new(HttpMethod.Get, "/nowhere"),                              // routing 404
            new(HttpMethod.Get, "/assets/users/2"),                       // 404 problem
            new(HttpMethod.Get, "/assets/users/1/-/content?w=x"),         // 400 problem
            new(HttpMethod.Delete, "/assets/users/9"),                    // 204
            new(HttpMethod.Post, "/assets/users/3") { Content = AssetRequests.Multipart(TestImages.Gradient(10, 10)) }, // 201
        };
        foreach (var request in requests)
        {
            using (request)
            using (var response = await client.SendAsync(request))
                Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var values) && values.Single() == "nosniff",
                    $"{request.Method} {request.RequestUri} → {(int)response.StatusCode} lacks nosniff");
        }
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("nosniff", content.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
