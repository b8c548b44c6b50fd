using System.Net;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Client.Tests;

public sealed class KoniferClientServiceCollectionExtensionsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_registered_client_talks_to_the_configured_server_with_the_key()
    {
        var seen = new RequestLog();
        var services = new ServiceCollection();
        services.AddKoniferClient(o =>
        {
            o.BaseAddress = fixture.Server.BaseAddress;
            o.ApiKey = "k3y";
        }).AddHttpMessageHandler(() => seen);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<KoniferClient>();
        Assert.Equal(fixture.Server.BaseAddress, client.BaseAddress);

        var stored = await client.StoreAsync("di/photo", new MemoryStream(TestImages.Gradient(10, 10)));
        Assert.Equal(stored.EntryId, (await client.GetInfoAsync("di/photo"))!.EntryId);
        Assert.All(seen.Requests, r => Assert.Equal("Bearer k3y", r.Authorization));
        Assert.Equal(["POST", "GET"], seen.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Reads_are_retried_after_a_503_but_an_upload_is_sent_once()
    {
        var unavailable = new Unavailable();
        var services = new ServiceCollection();
        services.AddKoniferClient(o => o.BaseAddress = fixture.Server.BaseAddress).AddHttpMessageHandler(() => unavailable);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<KoniferClient>();

        var read = await Assert.ThrowsAsync<KoniferUnavailableException>(() => client.GetInfoAsync("di/any"));
        Assert.Equal(TimeSpan.FromSeconds(1), read.RetryAfter);
        Assert.Equal("The metadata store is unavailable right now.", read.Message);
        Assert.True(unavailable.Count("GET") > 1, $"GET sent {unavailable.Count("GET")} time(s)");

        await Assert.ThrowsAsync<KoniferUnavailableException>(() => client.StoreAsync("di/any", new MemoryStream(TestImages.Gradient(4, 4))));
        Assert.Equal(1, unavailable.Count("POST"));
    }

    private sealed class RequestLog : DelegatingHandler
    {
        public List<(string Method, string? Authorization)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests) Requests.Add((request.Method.Method, request.Headers.Authorization?.ToString()));
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Answers every request as a server whose database is down would (inside the retry pipeline, so each attempt passes here).</summary>
    private sealed class Unavailable : DelegatingHandler
    {
        private readonly List<string> _methods = [];

        public int Count(string method)
        {
            lock (_methods) return _methods.Count(m => m == method);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_methods) _methods.Add(request.Method.Method);
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                RequestMessage = request,
                Content = new StringContent("""{"title":"Service Unavailable","status":503,"detail":"The metadata store is unavailable right now."}""",
                    System.Text.Encoding.UTF8, "application/problem+json"),
            };
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return Task.FromResult(response);
        }
    }
}
