using System.Net;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;
using Npgsql;

namespace Konifer.Tests.Faults;

/// <summary>
/// The object store becomes unreachable (a gate in front of s3rver refuses connections) while PostgreSQL stays up:
/// uploads fail cleanly, and deletes made meanwhile are finished once the store is back.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class ObjectStoreOutageTests(PostgresServer postgres, S3Server s3) : IAsyncLifetime
{
    private TcpGate _gate = null!;
    private KoniferTestServer _server = null!;
    private string _database = null!;
    private HttpClient Client => _server.Client;

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync(withLtree: true);
        _gate = TcpGate.Open(s3.Endpoint);
        _server = await KoniferTestServer.StartAsync(ProductionStores.Config(_database, _gate.Endpoint));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _gate.DisposeAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_database);
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_upload_while_the_object_store_is_unreachable_fails_with_503_and_leaves_no_entry()
    {
        var png = TestImages.Gradient(40, 20);
        _gate.Close();

        using var response = await Client.PostAsync("/assets/gated/photo", AssetRequests.Multipart(png));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("The object store is unavailable", await response.ProblemMessageAsync());
        Assert.DoesNotContain(_gate.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), body);
        Assert.DoesNotContain(S3Server.Bucket, body);
        using (var info = await Client.GetAsync("/assets/gated/photo/-/info"))
            Assert.Equal(HttpStatusCode.NotFound, info.StatusCode);
        using (var entry = await Client.GetAsync("/assets/gated/photo/-/entry/0/info"))
            Assert.Equal(HttpStatusCode.NotFound, entry.StatusCode);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM assets")); // not even a pending record

        _gate.Reopen();

        var stored = await Client.StoreAsync("/gated/photo", png);
        Assert.Equal(1, stored.GetProperty("entryId").GetInt64()); // entry 0 was reserved, abandoned and is never reused
        var all = await Client.GetJsonAsync("/assets/gated/photo/-/entries?limit=-1");
        Assert.Equal([1L], all.GetProperty("entries").EnumerateArray().Select(a => a.GetProperty("entryId").GetInt64()));
    }

    [Fact]
    public async Task An_outage_seen_by_a_request_is_counted_in_the_store_errors_metric()
    {
        await using var server = await KoniferTestServer.StartAsync(ProductionStores.Config(_database, _gate.Endpoint) + "\nmetrics.prometheus.enabled = true\n");
        await server.Client.StoreAsync("/gated/counted", TestImages.Gradient(8, 8));
        var before = new Konifer.Tests.Observability.PrometheusText(await server.Client.GetStringAsync("/metrics"));
        _gate.Close();

        using var response = await server.Client.PostAsync("/assets/gated/counted", AssetRequests.Multipart(TestImages.Gradient(8, 8)));
        _gate.Reopen();
        var after = new Konifer.Tests.Observability.PrometheusText(await server.Client.GetStringAsync("/metrics"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, before.Sum("konifer_store_errors_total", ("store", "object")));
        Assert.True(after.Sum("konifer_store_errors_total", ("store", "object")) >= 1, "no object store error counted");
        Assert.Equal("counter", after.TypeOf("konifer_store_errors_total"));
    }

    [Fact]
    public async Task A_delete_while_the_object_store_is_unreachable_is_finished_once_it_is_back()
    {
        var stored = await Client.StoreAsync("/gated/doomed", TestImages.Gradient(40, 20));
        var key = stored.GetProperty("variants")[0].GetProperty("storeKey").GetString()!;
        Assert.True(await s3.ContainsAsync(key));
        _gate.Close();

        using (var deleted = await Client.DeleteAsync("/assets/gated/doomed"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await Client.GetAsync("/assets/gated/doomed/-/info"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // The worker tries, fails and keeps the deletion; the object is still there.
        await Eventually.UntilAsync(() => ScalarAsync("SELECT count(*) FROM object_deletion_outbox WHERE attempts > 0 AND last_error IS NOT NULL"),
            n => n == 1, TimeSpan.FromSeconds(20), "A failed deletion attempt");
        Assert.True(await s3.ContainsAsync(key));

        _gate.Reopen();

        await Eventually.UntilAsync(() => s3.ContainsAsync(key), present => !present, TimeSpan.FromSeconds(30), "Deleting the object once the store was back");
        await Eventually.UntilAsync(() => ScalarAsync("SELECT count(*) FROM object_deletion_outbox"), n => n == 0, TimeSpan.FromSeconds(10), "Draining the outbox");
    }
}
