using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Faults;

/// <summary>Variant eviction over HTTP on PostgreSQL and S3 (see <see cref="EvictionWalk"/>).</summary>
[Collection(FaultsCollection.Name)]
public sealed class ProductionRetentionTests(PostgresServer postgres, S3Server s3)
{
    [Fact]
    public async Task The_least_used_variant_is_evicted_its_object_deleted_from_the_bucket_and_regenerated()
    {
        await using var server = await KoniferTestServer.StartAsync(
            ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint, EvictionWalk.Paths));
        await EvictionWalk.RunAsync(server);
    }
}
