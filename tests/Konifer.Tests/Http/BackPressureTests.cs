using System.Net;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

public sealed class BackPressureTests
{
    [Fact]
    public async Task A_full_generation_queue_answers_503_with_retry_after_instead_of_growing()
    {
        await using var server = await KoniferTestServer.StartAsync("""
            data-store.provider = in-memory
            object-store.provider = in-memory
            variant-generation { workers = 1, queue-size = 1 }
            """);
        await server.Client.StoreAsync("/big/a", TestImages.Gradient(1200, 1200, ".jpg"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            server.Client.GetAsync($"/assets/big/a/-/content?w={600 + i}&format=avif")));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToArray();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        Assert.Contains("try again", await refused[0].ProblemMessageAsync());
        foreach (var response in responses) response.Dispose();
    }
}
