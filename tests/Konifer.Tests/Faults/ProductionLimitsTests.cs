using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Faults;

/// <summary>The limits walk of the embedded stores (<see cref="LimitsWalk"/>) on PostgreSQL and S3.</summary>
[Collection(FaultsCollection.Name)]
public sealed class ProductionLimitsTests(PostgresServer postgres, S3Server s3)
{
    private async Task<KoniferTestServer> StartAsync() =>
        await KoniferTestServer.StartAsync(ProductionStores.Config(await postgres.CreateDatabaseAsync(withLtree: true), s3.Endpoint, LimitsWalk.Config));

    [Fact]
    public async Task Supplied_content_limits_on_PostgreSQL_and_S3()
    {
        await using var server = await StartAsync();
        await LimitsWalk.SuppliedContentAsync(server.Client);
        await LimitsWalk.UrlSourceAsync(server.Client);
    }

    [Fact]
    public async Task Transformation_limits_on_PostgreSQL_and_S3()
    {
        await using var server = await StartAsync();
        await LimitsWalk.TransformationAsync(server.Client);
    }

    [Fact]
    public async Task Preprocessing_on_PostgreSQL_and_S3()
    {
        await using var server = await StartAsync();
        await LimitsWalk.PreprocessingAsync(server.Client);
    }
}
