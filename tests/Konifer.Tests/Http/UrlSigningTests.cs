using System.Net;
using Konifer.Configuration;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Http;

public sealed class UrlSigningTests
{
    private const string Secret = "a shared secret ✓";

    private static string Config(string algorithm) => $$"""
        data-store.provider = in-memory
        object-store.provider = in-memory
        url-signing { enabled = true, algorithm = {{algorithm}} }
        """;

    /// <summary>A server whose secret comes from URL_SIGNING_SECRET_KEY, with one 40×20 asset stored unsigned.</summary>
    private static async Task<KoniferTestServer> StartAsync(string algorithm)
    {
        var server = await KoniferTestServer.StartAsync(Config(algorithm), new Dictionary<string, string> { ["URL_SIGNING_SECRET_KEY"] = Secret });
        await server.Client.StoreAsync("/users/1", TestImages.Gradient(40, 20), new { alt = "avatar", labels = new { phone = "i phone" } });
        return server;
    }

    private static string Signed(string algorithm, string url, params (string Key, string Value)[] parameters)
    {
        var signature = ReferenceSignature.Sign(algorithm, Secret, ReferenceSignature.Payload(url, parameters));
        var query = string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}").Append("s=" + signature));
        return $"{url}?{query}";
    }

    [Theory]
    [InlineData("hmac_sha256")]
    [InlineData("hmac_sha384")]
    [InlineData("hmac_sha512")]
    public async Task A_correctly_signed_read_is_served(string algorithm)
    {
        await using var server = await StartAsync(algorithm);
        using var response = await server.Client.GetAsync(Signed(algorithm, "/assets/users/1/-/content", ("w", "20"), ("format", "png")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var image = TestImages.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(("pngload", 20, 10), (image.Loader, image.Width, image.Height));

        using var link = await server.Client.GetAsync(Signed(algorithm, "/assets/users/1"));
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
    }

    [Theory]
    [InlineData("hmac_sha256")]
    [InlineData("hmac_sha384")]
    [InlineData("hmac_sha512")]
    public async Task Missing_wrong_or_tampered_signatures_are_forbidden(string algorithm)
    {
        await using var server = await StartAsync(algorithm);
        var client = server.Client;
        var good = Signed(algorithm, "/assets/users/1/-/content", ("w", "20"));

        await AssertForbidden(client, "/assets/users/1/-/content?w=20", "Missing signature");
        await AssertForbidden(client, "/assets/users/1/-/content?w=20&s=", "Missing signature");
        await AssertForbidden(client, "/assets/users/1/-/content?w=20&s=AAAA", "Invalid signature");
        await AssertForbidden(client, good.Replace("w=20", "w=21"), "Invalid signature");            // changed parameter
        await AssertForbidden(client, good + "&h=5", "Invalid signature");                         // added parameter
        await AssertForbidden(client, good.Replace("/-/content", "/-/download"), "Invalid signature"); // changed selectors
        var otherAlgorithm = algorithm == "hmac_sha256" ? "hmac_sha512" : "hmac_sha256";
        await AssertForbidden(client, Signed(otherAlgorithm, "/assets/users/1/-/content", ("w", "20")), "Invalid signature");
        await AssertForbidden(client, "/assets/nothing/here", "Missing signature");                // no route learnt unsigned

        using var head = new HttpRequestMessage(HttpMethod.Head, "/assets/users/1/-/content");
        using var headResponse = await client.SendAsync(head);
        Assert.Equal(HttpStatusCode.Forbidden, headResponse.StatusCode);
    }

    private static async Task AssertForbidden(HttpClient client, string url, string message)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(message, await response.ProblemMessageAsync());
    }

    [Fact]
    public async Task Parameter_order_in_the_url_does_not_matter_and_values_are_signed_decoded()
    {
        const string algorithm = "hmac_sha256";
        await using var server = await StartAsync(algorithm);
        var signature = ReferenceSignature.Sign(algorithm, Secret,
            ReferenceSignature.Payload("/assets/users/1/-/info", ("phone", "i phone")));
        using var response = await server.Client.GetAsync($"/assets/users/1/-/info?s={signature}&phone=i%20phone");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var content = ReferenceSignature.Sign(algorithm, Secret, ReferenceSignature.Payload("/assets/users/1/-/content", ("h", "10"), ("w", "20")));
        using var forwards = await server.Client.GetAsync($"/assets/users/1/-/content?h=10&w=20&s={content}");
        using var backwards = await server.Client.GetAsync($"/assets/users/1/-/content?w=20&s={content}&h=10");
        Assert.Equal(HttpStatusCode.OK, forwards.StatusCode);
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Equal(await forwards.Content.ReadAsByteArrayAsync(), await backwards.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Store_update_and_delete_need_no_signature_and_health_stays_open()
    {
        await using var server = await StartAsync("hmac_sha256");
        var client = server.Client;
        await client.StoreAsync("/users/2", TestImages.Solid(4, 4, 10, 20, 30));
        using var put = await client.PutAsync("/assets/users/2/-/entry/0", AssetRequests.Json(new { alt = "changed" }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var info = await client.GetAsync(Signed("hmac_sha256", "/assets/users/2/-/info"));
        Assert.Contains("changed", await info.Content.ReadAsStringAsync());
        using var delete = await client.DeleteAsync("/assets/users/2/-/entry/0");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await client.GetAsync(Signed("hmac_sha256", "/assets/users/2/-/info"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Signing_disabled_serves_unsigned_reads()
    {
        await using var server = await KoniferTestServer.StartAsync(
            KoniferTestServer.InMemoryConfig + "\nurl-signing { enabled = false, secret-key = unused }");
        await server.Client.StoreAsync("/open/1", TestImages.Solid(4, 4, 1, 2, 3));
        using var response = await server.Client.GetAsync("/assets/open/1/-/info");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_secret_can_come_from_the_file()
    {
        await using var server = await KoniferTestServer.StartAsync(Config("hmac_sha384").Replace("algorithm = hmac_sha384", "algorithm = hmac_sha384, secret-key = \"from-file\""));
        await server.Client.StoreAsync("/f/1", TestImages.Solid(4, 4, 1, 2, 3));
        var signature = ReferenceSignature.Sign("hmac_sha384", "from-file", "/assets/f/1/-/info");
        using var response = await server.Client.GetAsync("/assets/f/1/-/info?s=" + signature);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Enabled_without_a_secret_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => KoniferTestServer.StartAsync(Config("hmac_sha256")));
        Assert.Contains("url-signing.secret-key", error.Message);
    }

    [Fact]
    public async Task An_unknown_algorithm_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => KoniferTestServer.StartAsync(Config("md5"),
            new Dictionary<string, string> { ["URL_SIGNING_SECRET_KEY"] = Secret }));
        Assert.Contains("url-signing.algorithm", error.Message);
    }
}
