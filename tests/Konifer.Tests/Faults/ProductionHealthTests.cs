using System.Net;
using Konifer.Hosting.Health;
using Konifer.Tests.Http;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Faults;

/// <summary>
/// Issue 12 on PostgreSQL and S3: each store's outage turns <c>/health/ready</c> to 503 and back; the JSON text and the
/// negotiation of requests without parameters behave as on the embedded stores.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ProductionHealthTests(PostgresServer postgres, S3Server s3)
{
    private static readonly HealthMonitorSettings Fast = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));

    [Fact]
    public async Task Ready_follows_PostgreSQL_going_away_and_coming_back()
    {
        var logs = new CapturingLogProvider();
        await using var database = await PrivatePostgres.StartAsync();
        await using var server = await KoniferTestServer.StartAsync(ProductionStores.Config(database.ConnectionString, s3.Endpoint),
            services: s => s.AddSingleton(Fast).AddSingleton<ILoggerProvider>(logs));
        var client = server.Client;
        await HealthProbeTests.ReadyWithinAsync(client, HttpStatusCode.OK, "Readiness on PostgreSQL and S3");

        await database.StopAsync();
        await HealthProbeTests.ReadyWithinAsync(client, HttpStatusCode.ServiceUnavailable, "Readiness failing without PostgreSQL");
        Assert.Equal(HttpStatusCode.OK, await HealthProbeTests.ProbeAsync(client, "/health/live"));
        using (var alias = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, alias.StatusCode);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Readiness: postgres is unhealthy", StringComparison.Ordinal));

        await database.RestartAsync();
        await HealthProbeTests.ReadyWithinAsync(client, HttpStatusCode.OK, "Readiness after PostgreSQL returned");
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message == "Readiness: postgres is healthy again");
    }

    [Fact]
    public async Task Ready_follows_the_object_store_going_away_and_coming_back()
    {
        await using var gate = TcpGate.Open(s3.Endpoint);
        await using var server = await KoniferTestServer.StartAsync(
            ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), gate.Endpoint), services: s => s.AddSingleton(Fast));
        var client = server.Client;
        await HealthProbeTests.ReadyWithinAsync(client, HttpStatusCode.OK, "Readiness on PostgreSQL and S3");

        gate.Close();
        await HealthProbeTests.ReadyWithinAsync(client, HttpStatusCode.ServiceUnavailable, "Readiness failing without S3");
        gate.Reopen();
        await HealthProbeTests.ReadyWithinAsync(client, HttpStatusCode.OK, "Readiness after S3 returned");
    }

    [Fact]
    public async Task Json_is_written_as_text_without_nulls_on_PostgreSQL_and_S3()
    {
        await using var server = await KoniferTestServer.StartAsync(ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint));
        await JsonTextWalk.RunAsync(server.Client, "/json/text");
    }

    [Fact]
    public async Task Accept_alone_chooses_the_format_of_the_original_on_PostgreSQL_and_S3()
    {
        await using var server = await KoniferTestServer.StartAsync(ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint));
        await NegotiationWalk.RunAsync(server.Client, "/negotiated/photo");
    }
}
