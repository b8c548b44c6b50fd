using System.Net;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Faults;

/// <summary>PostgreSQL goes away while the service runs, then comes back on the same address.</summary>
[Collection(FaultsCollection.Name)]
public sealed class MetadataStoreOutageTests(S3Server s3)
{
    private const string Unavailable = "The metadata store is unavailable";

    [Fact]
    public async Task While_PostgreSQL_is_down_requests_fail_with_503_and_the_service_recovers_when_it_returns()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var server = await KoniferTestServer.StartAsync(ProductionStores.Config(postgres.ConnectionString, s3.Endpoint));
        var client = server.Client;
        var png = TestImages.Gradient(40, 20);
        await client.StoreAsync("/outage/photo", png, new { alt = "before" });

        await postgres.StopAsync();

        var port = new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var request in new Func<HttpRequestMessage>[]
                 {
                     () => new(HttpMethod.Get, "/assets/outage/photo/-/info"),
                     () => new(HttpMethod.Get, "/assets/outage/photo/-/content"),
                     () => new(HttpMethod.Post, "/assets/outage/photo") { Content = AssetRequests.Multipart(png) },
                     () => new(HttpMethod.Put, "/assets/outage/photo/-/entry/0") { Content = AssetRequests.Json(new { alt = "during" }) },
                     () => new(HttpMethod.Delete, "/assets/outage/photo/-/entry/0"),
                 })
        {
            using var message = request();
            using var response = await client.SendAsync(message);
            var what = $"{message.Method} {message.RequestUri}";
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what} answered {(int)response.StatusCode}");
            Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0, what);
            var body = await response.Content.ReadAsStringAsync();
            var detail = await response.ProblemMessageAsync();
            Assert.StartsWith(Unavailable, detail);
            // Nothing about where the database is or what failed inside: that is for the log.
            Assert.DoesNotContain(port, body);
            Assert.DoesNotContain("127.0.0.1", body);
            Assert.DoesNotContain("Npgsql", body);
            Assert.DoesNotContain("   at ", body);
        }
        using (var health = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await postgres.RestartAsync();

        // Pooled connections broken by the restart are replaced; within seconds requests succeed again.
        await Eventually.UntilAsync(async () => { using var r = await client.GetAsync("/assets/outage/photo/-/info"); return r.StatusCode; },
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "Answering 200 after PostgreSQL returned");
        var info = await client.GetJsonAsync("/assets/outage/photo/-/info");
        Assert.Equal("before", info.GetProperty("alt").GetString()); // the failed update changed nothing
        var second = await client.StoreAsync("/outage/photo", png);
        Assert.Equal(1, second.GetProperty("entryId").GetInt64()); // the failed upload reserved no entry
        using var content = await client.GetAsync("/assets/outage/photo/-/entry/0/content");
        Assert.Equal(png, await content.Content.ReadAsByteArrayAsync());
    }
}
