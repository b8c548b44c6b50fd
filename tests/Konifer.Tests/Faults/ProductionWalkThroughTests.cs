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
    public async Task Links_and_redirects_follow_the_delivery_strategy_on_PostgreSQL_and_S3()
    {
        await using var server = await KoniferTestServer.StartAsync(ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint, """
            paths { "/presigned/**" { delivery { strategy = presigned, presigned.ttl = 10m } }, "/service/**" { } }
            """));
        await server.Client.StoreAsync("/presigned/a", TestImages.Gradient(64, 32));
        await server.Client.StoreAsync("/service/a", TestImages.Gradient(64, 32));
        using var noFollow = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var plain = new HttpClient();

        var presigned = await server.Client.GetJsonAsync("/assets/presigned/a/-/link?w=16&format=webp");
        using var redirect = await noFollow.GetAsync("/assets/service/a/-/redirect?w=16&format=webp");

        var url = new Uri(presigned.GetProperty("url").GetString()!);
        Assert.Equal(s3.Endpoint.GetLeftPart(UriPartial.Authority), url.GetLeftPart(UriPartial.Authority));
        Assert.True(presigned.TryGetProperty("expiresAt", out _));
        Assert.Equal(new ImageInfo("webpload", 16, 8), TestImages.Read(await plain.GetByteArrayAsync(url)));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.StartsWith($"{server.BaseAddress.AbsoluteUri}assets/service/a/-/entry/0/content?", redirect.Headers.Location!.AbsoluteUri);
        Assert.Equal(new ImageInfo("webpload", 16, 8), TestImages.Read(await server.Client.GetByteArrayAsync(redirect.Headers.Location)));
    }

    [Fact]
    public async Task Text_no_store_can_keep_is_a_400_naming_the_field_on_PostgreSQL_and_S3()
    {
        await using var server = await KoniferTestServer.StartAsync(ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint));
        await UnstorableTextWalk.RunAsync(server.Client, "/hostile/text");
    }
}
