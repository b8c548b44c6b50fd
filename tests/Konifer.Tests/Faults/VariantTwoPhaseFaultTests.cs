using System.Globalization;
using System.Net;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Core.Transformations;
using Konifer.Storage.Metadata;
using Konifer.Tests.Storage;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Konifer.Tests.Faults;

/// <summary>
/// Generated variants are stored in two phases on PostgreSQL + S3: the stores are cut off (TCP gates in front of
/// s3rver and of PostgreSQL) at the moment the variant's object is uploaded, or a generation is left half done as a
/// crash would leave it, and no object may end up without a record that leads the sweeper or the outbox to it.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class VariantTwoPhaseFaultTests(PostgresServer postgres, S3Server s3) : IAsyncLifetime
{
    private const string Variant = "?w=12&format=webp";
    private TcpGate _s3Gate = null!;
    private TcpGate _pgGate = null!;
    private KoniferTestServer _server = null!;
    private string _database = null!;
    private HttpClient Client => _server.Client;

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync(withLtree: true);
        var direct = new NpgsqlConnectionStringBuilder(_database);
        _pgGate = TcpGate.Open(new Uri($"tcp://{direct.Host}:{direct.Port}"));
        _s3Gate = TcpGate.Open(s3.Endpoint);
        var gated = new NpgsqlConnectionStringBuilder(_database) { Host = "127.0.0.1", Port = _pgGate.Port };
        _server = await KoniferTestServer.StartAsync(ProductionStores.Config(gated.ConnectionString, _s3Gate.Endpoint));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _s3Gate.DisposeAsync();
        await _pgGate.DisposeAsync();
    }

    /// <summary>Straight to the database, past the gate.</summary>
    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_database);
        await using var command = dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>The server's own sweeper logic with a clock two hours ahead, so that what is pending now counts as dead.</summary>
    private Task<int> SweepAsync()
    {
        var services = _server.Services;
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2));
        var sweeper = new PendingUploadSweeper(services.GetRequiredService<IStaleRecords>(), services.GetRequiredService<IAssetEntries>(),
            services.GetRequiredService<IObjectDeletionSignal>(), new PendingUploadSweeperSettings(), later,
            new CapturingLogger<PendingUploadSweeper>());
        return sweeper.SweepOnceAsync(CancellationToken.None);
    }

    /// <summary>The variant request fails with 503 and a problem whose message starts with <paramref name="message"/>.</summary>
    private async Task AssertUnavailableAsync(string path, string message)
    {
        using var failed = await GetVariantAsync(path);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.StartsWith(message, await failed.ProblemMessageAsync());
    }

    private async Task<HttpResponseMessage> GetVariantAsync(string path) => await Client.GetAsync($"/assets{path}/-/content{Variant}");

    private Task DrainedAsync() =>
        Eventually.UntilAsync(() => ScalarAsync<long>("SELECT count(*) FROM object_deletion_outbox"), n => n == 0, TimeSpan.FromSeconds(30),
            "Draining the deletion outbox");

    [Fact]
    public async Task A_variant_whose_upload_fails_leaves_no_record_and_its_object_is_queued()
    {
        await Client.StoreAsync("/v2p/upload-fails", TestImages.Gradient(40, 20));
        _s3Gate.WhenRequest("PUT", _s3Gate.Close);

        await AssertUnavailableAsync("/v2p/upload-fails", "The object store is unavailable");

        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM asset_variants WHERE NOT is_original"));
        var key = await ScalarAsync<string>("SELECT object_key FROM object_deletion_outbox");
        Assert.EndsWith(".webp", key);

        _s3Gate.Reopen();

        await DrainedAsync();
        Assert.False(await s3.ContainsAsync(key));
        using var retried = await GetVariantAsync("/v2p/upload-fails");
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("miss", retried.Headers.GetValues("K-Cache-Status").Single());
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM asset_variants WHERE NOT is_original AND is_ready"));
    }

    [Fact]
    public async Task A_variant_uploaded_while_the_database_is_cut_off_is_swept_with_its_object()
    {
        await Client.StoreAsync("/v2p/db-cut", TestImages.Gradient(40, 20));
        // The object goes through; PostgreSQL is gone for marking the record ready, and for abandoning it.
        _s3Gate.WhenRequest("PUT", _pgGate.Close);

        await AssertUnavailableAsync("/v2p/db-cut", "The metadata store is unavailable");
        _pgGate.Reopen();

        var key = await ScalarAsync<string>("SELECT object_key FROM asset_variants WHERE NOT is_ready");
        Assert.NotNull(key);
        Assert.True(await s3.ContainsAsync(key));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM asset_variants WHERE NOT is_original AND is_ready"));

        // Not found by reads meanwhile: the next request generates it anew (the pending row blocks nothing).
        await Eventually.UntilAsync(async () => { using var r = await GetVariantAsync("/v2p/db-cut"); return r.Headers.TryGetValues("K-Cache-Status", out var v) ? v.Single() : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture); },
            s => s == "miss", TimeSpan.FromSeconds(30), "Generating the variant once PostgreSQL was reachable again");

        Assert.Equal(1, await Eventually.UntilAsync(SweepAsync, n => n >= 1, TimeSpan.FromSeconds(10), "Sweeping the pending variant"));
        await DrainedAsync();
        Assert.False(await s3.ContainsAsync(key));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM asset_variants WHERE NOT is_ready"));
        using var hit = await GetVariantAsync("/v2p/db-cut");
        Assert.Equal("hit", hit.Headers.GetValues("K-Cache-Status").Single());
    }

    [Fact]
    public async Task A_generation_that_died_between_upload_and_ready_is_swept_and_blocks_nothing()
    {
        var png = TestImages.Gradient(40, 20);
        await Client.StoreAsync("/v2p/model", png);
        await Client.StoreAsync("/v2p/crashed", png);
        using (var model = await GetVariantAsync("/v2p/model")) Assert.Equal(HttpStatusCode.OK, model.StatusCode);
        var entries = _server.Services.GetRequiredService<IAssetEntries>();
        var transformation = (await entries.FindAsync(AssetPath.Parse("/v2p/model"), AssetQuery.Newest, CancellationToken.None))
            .Single().Variants.Single(v => !v.IsOriginal).Transformation!;
        var crashed = (await entries.FindAsync(AssetPath.Parse("/v2p/crashed"), AssetQuery.Newest, CancellationToken.None)).Single();

        // What a process that died right after uploading leaves behind: a pending record and its object.
        var location = ObjectLocation.NewFor(S3Server.Bucket, ImageFormat.Webp);
        var pending = await _server.Services.GetRequiredService<IVariantRecords>().ReserveVariantAsync(crashed.Id, new NewVariant(transformation, location,
            new ImageAttributes(12, 6, ImageFormat.Webp, 1, null, "srgb"), Lqip.None, DateTimeOffset.UtcNow, null), CancellationToken.None);
        Assert.NotNull(pending);
        using (var bytes = new MemoryStream(png))
            await _server.Services.GetRequiredService<IObjectStore>().PutAsync(location, bytes, bytes.Length, "image/webp", CancellationToken.None);

        using (var generated = await GetVariantAsync("/v2p/crashed"))
        {
            Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
            Assert.Equal("miss", generated.Headers.GetValues("K-Cache-Status").Single());
        }

        Assert.Equal(1, await SweepAsync());
        await DrainedAsync();
        Assert.False(await s3.ContainsAsync(location.Key));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM asset_variants WHERE NOT is_ready"));
        using var hit = await GetVariantAsync("/v2p/crashed");
        Assert.Equal("hit", hit.Headers.GetValues("K-Cache-Status").Single());
        var served = await hit.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(png, served); // the generated variant, not the leftover's bytes
    }
}
