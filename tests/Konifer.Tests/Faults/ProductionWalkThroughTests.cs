using System.Net;
using Amazon.S3;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Faults;

/// <summary>The walk-through of the embedded stores (<see cref="AssetWalkThrough"/>) on PostgreSQL and S3.</summary>
[Collection(FaultsCollection.Name)]
public sealed class ProductionWalkThroughTests(PostgresServer postgres, S3Server s3)
{
    [Fact]
    public async Task An_asset_goes_through_its_whole_life_on_PostgreSQL_and_S3()
    {
        await using var server = await KoniferTestServer.StartAsync(ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint));

        var objects = await AssetWalkThrough.RunAsync(server.Client, "/walk/photo");

        using var direct = s3.CreateClient();
        Assert.All(objects, o => Assert.Equal(S3Server.Bucket, o.Bucket));
        await Eventually.UntilAsync(async () =>
        {
            var left = 0;
            foreach (var (bucket, key) in objects)
            {
                try { await direct.GetObjectMetadataAsync(bucket, key); left++; }
                catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound) { }
            }
            return left;
        }, left => left == 0, TimeSpan.FromSeconds(15), "Removing the deleted asset's objects from the bucket");
    }

    [Fact]
    public async Task Entries_lists_the_paths_entries_as_info_shows_them_on_PostgreSQL_and_S3()
    {
        await using var server = await KoniferTestServer.StartAsync(ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint));
        await EntriesWalk.RunAsync(server.Client, "/listing");
    }

    [Fact]
    public async Task Text_no_store_can_keep_is_a_400_naming_the_field_on_PostgreSQL_and_S3()
    {
        await using var server = await KoniferTestServer.StartAsync(ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint));
        await UnstorableTextWalk.RunAsync(server.Client, "/hostile/text");
    }
}
