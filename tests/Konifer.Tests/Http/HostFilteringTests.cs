using System.Net;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Http;

/// <summary>
/// Without <c>http.public-url</c> links and <c>Location</c> take the request's Host; <c>http.allowed-hosts</c> (or the
/// standard <c>AllowedHosts</c>) refuses any other Host with a 400 problem, so no cache can keep links to a chosen host.
/// </summary>
public sealed class HostFilteringTests
{
    private const string Restricted = KoniferTestServer.InMemoryConfig + "\nhttp.allowed-hosts = [img.example.com, \"*.cdn.example.com\"]";

    private static HttpRequestMessage Get(string url, string host) => new(HttpMethod.Get, url) { Headers = { Host = host } };

    [Fact]
    public async Task Without_a_restriction_links_follow_whatever_host_the_client_sends()
    {
        await using var server = await KoniferTestServer.StartAsync();
        await server.Client.StoreAsync("/users/1", TestImages.Gradient(40, 20));

        using var response = await server.Client.SendAsync(Get("/assets/users/1", "evil.example"));
        var link = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"http://evil.example/assets/users/1/-/entry/0/content\"", link);
    }

    [Theory]
    [InlineData(Restricted)]
    [InlineData(KoniferTestServer.InMemoryConfig + "\nAllowedHosts = \"img.example.com;*.cdn.example.com\"")]
    public async Task An_unlisted_host_is_a_400_problem_and_listed_hosts_are_served(string config)
    {
        await using var server = await KoniferTestServer.StartAsync(config);
        using var store = new HttpRequestMessage(HttpMethod.Post, "/assets/users/1")
        {
            Headers = { Host = "img.example.com" },
            Content = AssetRequests.Multipart(TestImages.Gradient(40, 20)),
        };
        using var stored = await server.Client.SendAsync(store);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Equal("http://img.example.com/assets/users/1/-/entry/0", stored.Headers.Location?.ToString());

        using var refused = await server.Client.SendAsync(Get("/assets/users/1", "evil.example"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The Host 'evil.example' is not served here (http.allowed-hosts).", await refused.ProblemMessageAsync());
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", refused.Headers.GetValues("X-Content-Type-Options").Single());

        using var wildcard = await server.Client.SendAsync(Get("/assets/users/1", "eu.cdn.example.com"));
        Assert.Equal(HttpStatusCode.OK, wildcard.StatusCode);
        Assert.Contains("\"http://eu.cdn.example.com/assets/", await wildcard.Content.ReadAsStringAsync());

        // Probes address instances by IP; /health builds no URL from the host.
        using var health = await server.Client.SendAsync(Get("/health", "10.1.2.3"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData(KoniferTestServer.InMemoryConfig, true)]
    [InlineData(Restricted, false)]
    [InlineData(KoniferTestServer.InMemoryConfig + "\nhttp.public-url = \"https://img.example.com\"", false)]
    public async Task Start_up_warns_when_links_would_follow_any_host(string config, bool warned)
    {
        var logs = new CapturingLogProvider();
        await using var server = await KoniferTestServer.StartAsync(config, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var warning = logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Neither http.public-url nor http.allowed-hosts", StringComparison.Ordinal));
        Assert.Equal(warned, warning);
    }
}
