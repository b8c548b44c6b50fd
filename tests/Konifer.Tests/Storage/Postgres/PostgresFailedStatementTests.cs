using Konifer.Configuration;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Core.Storage;
using Konifer.Storage.Metadata.Postgres;
using Npgsql;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>
/// A statement PostgreSQL refuses (text it cannot store reached the store) must not spoil the pooled connection for
/// whoever borrows it next. Runs on one connection (pool of one) with the service's own connection settings, so the
/// next statement surely gets the connection the failed one used.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFailedStatementTests(PostgresServer server)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static PendingAsset Pending(AssetPath path, AssetInformation information) =>
        new(path, information, AssetSource.Upload, null, ObjectLocation.NewFor("assets", ImageFormat.Png),
            new ImageAttributes(10, 20, ImageFormat.Png, 1, null, "srgb"), Lqip.None, DateTimeOffset.UtcNow);

    private async Task<NpgsqlDataSource> OneConnectionAsync()
    {
        var test = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync(withLtree: true));
        var service = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.From(new PostgreSqlSettings(
            test.Host!, test.Port, test.Database!, test.Username!, test.Password ?? "", "disable")))
        { MaxPoolSize = 1 };
        var dataSource = NpgsqlDataSource.Create(service.ConnectionString);
        await new PostgresMigrator(dataSource).MigrateAsync(None);
        return dataSource;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task After_refused_inserts_the_next_upload_on_the_same_connection_succeeds(int earlierUploads)
    {
        await using var dataSource = await OneConnectionAsync();
        var repository = new PostgresAssetRepository(dataSource);
        var path = AssetPath.Parse("/poison");
        // Ordinary uploads first: the statement is auto-prepared on its second use, so a failure can hit it unprepared,
        // while being prepared, or prepared.
        for (var i = 0; i < earlierUploads; i++) await repository.CreatePendingAsync(Pending(path, AssetInformation.Empty), None);

        for (var i = 0; i < 3; i++)
        {
            var nul = new AssetInformation("a\0b", new Dictionary<string, string>(), []);
            await Assert.ThrowsAnyAsync<Exception>(() => repository.CreatePendingAsync(Pending(path, nul), None));
        }

        var next = await repository.CreatePendingAsync(Pending(path, new AssetInformation("fine", new Dictionary<string, string>(), [])), None);
        var ready = await repository.MarkReadyAsync(next.Id, None);
        Assert.Equal("fine", ready!.Information.Alt);
    }
}
