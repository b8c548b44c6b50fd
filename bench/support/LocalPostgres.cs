using Npgsql;

namespace Konifer.Bench.Support;

/// <summary>A throwaway PostgreSQL cluster (scripts/start-postgres in a temporary directory), stopped at the end.</summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "konifer-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private string _connectionString = "";

    private LocalPostgres(string root) => _root = root;

    public static async Task<LocalPostgres> StartAsync(string root)
    {
        var postgres = new LocalPostgres(root);
        var output = await Repository.RunScriptAsync(root, "start-postgres", null, "--dir", postgres._directory);
        const string prefix = "export KONIFER_TEST_POSTGRES=";
        var line = output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(prefix, StringComparison.Ordinal));
        postgres._connectionString = line[prefix.Length..].Trim('\'');
        return postgres;
    }

    /// <summary>A fresh database with ltree, so that every store configuration starts from empty tables.</summary>
    public async Task<NpgsqlConnectionStringBuilder> CreateDatabaseAsync()
    {
        var name = "bench_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = NpgsqlDataSource.Create(_connectionString))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {name}"))
            await create.ExecuteNonQueryAsync();
        var database = new NpgsqlConnectionStringBuilder(_connectionString) { Database = name };
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        await using (var extension = dataSource.CreateCommand("CREATE EXTENSION ltree"))
            await extension.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Repository.RunScriptAsync(_root, "stop-postgres", null, "--dir", _directory);
    }
}
