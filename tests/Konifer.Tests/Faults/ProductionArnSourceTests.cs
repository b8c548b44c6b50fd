using System.Net;
using System.Text.Json;
using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Faults;

/// <summary>An S3 ARN import on PostgreSQL and S3: the <c>arn</c> source and its address survive the database.</summary>
[Collection(FaultsCollection.Name)]
public sealed class ProductionArnSourceTests(PostgresServer postgres, S3Server s3)
{
    [Fact]
    public async Task An_object_is_imported_and_reads_back_as_an_arn_source_on_PostgreSQL_and_S3()
    {
        var png = TestImages.Gradient(32, 16);
        var arn = await ArnSourceServers.PutAsync(s3, png);
        await using var server = await ArnSourceServers.StartAsync(
            ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint), s3.CreateClient);

        using (var response = await server.Client.PostAsync("/assets/imported/pic", ArnSourceServers.ArnRequest(arn, "S3")))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var asset = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("arn", asset.GetProperty("source").GetString());
        }

        var info = await server.Client.GetJsonAsync("/assets/imported/pic/-/info");
        Assert.Equal("arn", info.GetProperty("source").GetString());
        Assert.Equal(arn, info.GetProperty("sourceUrl").GetString());
        Assert.Equal("S3", info.GetProperty("alt").GetString());
        Assert.Equal(png, await server.Client.GetByteArrayAsync("/assets/imported/pic/-/content"));
    }
}
