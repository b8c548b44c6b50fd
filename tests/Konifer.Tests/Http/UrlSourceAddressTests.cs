using System.Net;
using Konifer.Sources;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Http;

/// <summary>
/// The address rule of URL sources for names that are allowed but lead to non-public addresses. The names get their
/// addresses from <see cref="HostAddressOverrides"/> (no DNS involved); the rule refuses them before connecting, so
/// no test sends anything to an address that is not loopback.
/// </summary>
public sealed class UrlSourceAddressTests : IAsyncLifetime
{
    private const string Name = "images.example.test";
    private OriginServer _origin = null!;
    private readonly List<KoniferTestServer> _servers = [];

    public async Task InitializeAsync() => _origin = await OriginServer.StartAsync(TestImages.Gradient(30, 20));

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        await _origin.DisposeAsync();
    }

    private async Task<KoniferTestServer> KoniferAsync(string domains, string name, string address)
    {
        var server = await KoniferTestServer.StartAsync($$"""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            source.url.allowed-domains = {{domains}}
            """, services: services => services.AddSingleton(new HostAddressOverrides(
                new Dictionary<string, IPAddress> { [name] = IPAddress.Parse(address) })));
        _servers.Add(server);
        return server;
    }

    private static async Task<string> RefusedAsync(KoniferTestServer server, string url)
    {
        return await StoredObjects.AssertNothingStoredAsync(server, "/remote/pic", async () =>
        {
            using var response = await server.Client.PostAsync("/assets/remote/pic", AssetRequests.Json(new { url }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemMessageAsync();
        });
    }

    [Theory]
    [InlineData("169.254.169.254")] // cloud metadata (link-local)
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("172.16.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("fd00::1")]
    [InlineData("100.64.0.1")] // carrier-grade NAT
    public async Task An_allowed_name_that_leads_to_a_non_public_address_is_refused_and_nothing_is_stored(string address)
    {
        var server = await KoniferAsync($"[\"{Name}\"]", Name, address);

        var message = await RefusedAsync(server, $"http://{Name}:{_origin.Port}/image.png");

        Assert.StartsWith("The download was refused:", message);
        Assert.Contains(address is "0.0.0.0" ? "unspecified address" : "source.url.allowed-domains lists the address", message);
        Assert.Equal(0, _origin.Requests);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("[::]")]
    public async Task The_unspecified_address_is_refused_even_when_listed(string host)
    {
        // Listing it used to let the URL through to a resolver that throws on it: a 500 instead of a refusal.
        await using var server = await KoniferTestServer.StartAsync($$"""
            data-store.provider = in-memory
            object-store { provider = filesystem, filesystem.mount-path = "{mount}" }
            source.url.allowed-domains = ["{{host}}"]
            """);

        var message = await RefusedAsync(server, $"http://{host}:{_origin.Port}/image.png");

        Assert.Contains("unspecified address", message);
        Assert.Equal(0, _origin.Requests);
    }

    [Fact]
    public async Task The_same_name_leading_to_a_listed_address_is_fetched()
    {
        // The control for the theory: the override is honoured and the name, not the address, is what the host rule sees.
        var server = await KoniferAsync($"[\"{Name}\", \"127.0.0.1\"]", Name, "127.0.0.1");

        using var response = await server.Client.PostAsync("/assets/remote/pic", AssetRequests.Json(new { url = $"http://{Name}:{_origin.Port}/image.png" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, _origin.Requests);
        Assert.Equal(new ImageInfo("pngload", 30, 20), TestImages.Read(await server.Client.GetByteArrayAsync("/assets/remote/pic/-/content")));
    }

    [Fact]
    public async Task A_redirect_to_an_allowed_name_that_leads_to_a_non_public_address_is_refused_by_the_address_rule()
    {
        // The origin (127.0.0.1, listed as an address) is reachable; the redirect target passes the host rule by name
        // but leads to 127.0.0.2, loopback and not listed, so the address rule stops it.
        var server = await KoniferAsync($"[\"127.0.0.1\", \"{Name}\"]", Name, "127.0.0.2");
        var target = $"http://{Name}:{_origin.Port}/image.png";

        var message = await RefusedAsync(server, _origin.Url("/redirect?to=" + Uri.EscapeDataString(target)));

        Assert.StartsWith("The download was refused:", message);
        Assert.Contains("source.url.allowed-domains lists the address", message);
        Assert.Equal(1, _origin.Requests); // the redirect itself, nothing after it
    }
}
