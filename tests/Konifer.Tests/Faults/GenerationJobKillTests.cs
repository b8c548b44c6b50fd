using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;
using Konifer.Tests.TestSupport;
using Konifer.Variants.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Konifer.Tests.Faults;

/// <summary>
/// A worker process killed with SIGKILL mid-job (no drain, no release): its lease runs out and another worker takes
/// the job within the lease and a small bound, and finishes it.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class GenerationJobKillTests(PostgresServer postgres, S3Server s3)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    private const string Jobs = """
        variant-profiles { big { w = 2400, format = avif } }
        paths { "/kill/**" { transform.eager-variants = [big] } }
        variant-generation { timeout = 10m, jobs { lease = 3s, poll-interval = 200ms } }
        """;

    [Fact]
    public async Task A_job_of_a_killed_worker_is_taken_by_another_within_the_lease_and_done()
    {
        var connectionString = await postgres.CreateDatabaseAsync(withLtree: true);
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var api = await KoniferTestServer.StartAsync(ProductionStores.Config(connectionString, s3.Endpoint, Jobs + "\ninstance.role = api"));

        var directory = KoniferTestServer.CreateTempDirectory();
        var configPath = Path.Combine(directory, "konifer.conf");
        await File.WriteAllTextAsync(configPath, ProductionStores.Config(connectionString, s3.Endpoint, Jobs));
        var (child, exitCode, output) = await ServerProcess.StartAsync(
            new Dictionary<string, string> { ["IN_MEMORY"] = "false", ["KONIFER_CONFIG"] = configPath }, ["--role", "worker"]);
        Assert.True(child is not null, $"the worker exited with {exitCode}:\n{output}");
        await using var worker = child;

        // A full-size AVIF of a 3.8 MP image: seconds of work, far longer than taking and killing.
        await api.Client.StoreAsync("/kill/photo", TestImages.Gradient(2400, 1600));
        var owner = await Eventually.UntilAsync(() => OwnerAsync(database), o => o is not null, TimeSpan.FromSeconds(30), "The child worker taking the job");
        Assert.Contains($"/{worker.ProcessId}/", owner, StringComparison.Ordinal);

        await worker.KillAsync();
        Assert.Equal(owner, await OwnerAsync(database)); // unfinished, and nobody can finish it now but another worker

        await using var other = await KoniferTestServer.StartAsync(ProductionStores.Config(connectionString, s3.Endpoint, Jobs + "\ninstance.role = worker"));
        var otherOwner = other.Services.GetRequiredService<GenerationJobWorker>().Owner;
        await Eventually.UntilAsync(() => OwnerAsync(database), o => o == otherOwner || o is null, Lease + TimeSpan.FromSeconds(5),
            "The other worker taking the job once the lease ran out");

        await Eventually.UntilAsync(async () => (await api.Client.GetJsonAsync("/assets/kill/photo/-/info")).GetProperty("variants").GetArrayLength(),
            count => count == 2, TimeSpan.FromMinutes(3), "The other worker finishing the job");
        Assert.Null(await OwnerAsync(database));
    }

    /// <summary>Who holds the one job, or null when there is none (done) or it waits untaken.</summary>
    private static async Task<string?> OwnerAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT owner FROM generation_jobs LIMIT 1");
        return await command.ExecuteScalarAsync() as string;
    }
}
