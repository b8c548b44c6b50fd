using Konifer.Core.Assets;
using Konifer.Storage.Metadata.Postgres;
using Konifer.Tests.Storage.Contracts;
using Konifer.Variants.Jobs;
using Npgsql;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>
/// The generation job queue contract against a real PostgreSQL (a database of its own, so no other test's jobs are
/// taken), and what only the table does: a deleted asset takes its jobs with it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGenerationJobQueueTests(PostgresServer server) : GenerationJobQueueContract
{
    private NpgsqlDataSource _database = null!;

    protected override async Task<(IAssetEntries Entries, IGenerationJobQueue Queue)> CreateAsync()
    {
        _database = await server.PreparedDatabaseAsync("generation-jobs", database => new PostgresMigrator(database).MigrateAsync(CancellationToken.None));
        return (new PostgresAssetRepository(_database), new PostgresGenerationJobQueue(_database));
    }

    [Fact]
    public async Task Deleting_an_asset_drops_its_jobs_and_a_job_of_a_deleted_asset_is_not_queued()
    {
        var asset = await StoreAsync("deleted");
        await EnqueueAsync(asset, Thumb(60), Thumb(61));
        Assert.Equal(2, await JobsOfAsync(asset));

        Assert.Equal(1, await Entries.DeleteAsync(asset.Path, AssetQuery.Entry(asset.EntryId), None));
        Assert.Equal(0, await JobsOfAsync(asset));

        await EnqueueAsync(asset, Thumb(62)); // refused quietly: the other jobs of the batch would still be queued
        Assert.Equal(0, await JobsOfAsync(asset));
    }

    [Fact]
    public async Task The_poll_of_an_idle_queue_is_an_index_scan()
    {
        await using var command = _database.CreateCommand("""
            SET enable_seqscan = off;
            EXPLAIN SELECT id FROM generation_jobs WHERE available_at <= now() ORDER BY available_at, id LIMIT 4 FOR UPDATE SKIP LOCKED
            """);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("generation_jobs_due", StringComparison.Ordinal));
    }

    private async Task<long> JobsOfAsync(Asset asset)
    {
        await using var command = _database.CreateCommand("SELECT count(*) FROM generation_jobs WHERE asset_id = $1");
        command.Parameters.AddWithValue(asset.Id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
