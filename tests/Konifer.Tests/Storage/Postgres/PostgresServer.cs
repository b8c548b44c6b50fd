using System.Diagnostics;
using Konifer.Storage.Metadata.Postgres;
using Npgsql;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>
/// The PostgreSQL server of the test run. <c>KONIFER_TEST_POSTGRES</c> (a connection string to a database with
/// ltree, e.g. from <c>eval "$(scripts/start-postgres)"</c>) is used when set; otherwise a throwaway cluster is
/// started with <c>scripts/start-postgres</c> and stopped at the end. When no server can be had, every test of the
/// collection fails with the reason: these tests never skip silently. The shared database is migrated once.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "KONIFER_TEST_POSTGRES";

    private string? _clusterDirectory;
    private readonly List<string> _extraDatabases = [];
    private NpgsqlDataSource? _dataSource;
    private readonly Dictionary<string, Task<NpgsqlDataSource>> _prepared = [];

    /// <summary>The connection string of the shared, migrated test database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A pooled data source on the shared database, as the service would have one.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        ConnectionString = WithTestPool(string.IsNullOrWhiteSpace(given) ? await StartClusterAsync() : given);
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
        await new PostgresMigrator(_dataSource).MigrateAsync(CancellationToken.None);
    }

    /// <summary>A new, empty database on the same server (dropped at the end); with or without the ltree extension.</summary>
    public async Task<string> CreateDatabaseAsync(bool withLtree)
    {
        var name = "konifer_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = NpgsqlDataSource.Create(WithDatabase(ConnectionString, "postgres")))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {name}"))
            await create.ExecuteNonQueryAsync();
        lock (_extraDatabases) _extraDatabases.Add(name);
        var connectionString = WithDatabase(ConnectionString, name);
        if (withLtree)
        {
            await using var database = NpgsqlDataSource.Create(connectionString);
            await using var extension = database.CreateCommand("CREATE EXTENSION ltree");
            await extension.ExecuteNonQueryAsync();
        }
        return connectionString;
    }

    /// <summary>
    /// A database prepared once per test run and shared by the tests that ask for the same <paramref name="key"/>
    /// (xunit 2 gives class fixtures no access to this collection fixture, so expensive set-ups live here).
    /// </summary>
    public Task<NpgsqlDataSource> PreparedDatabaseAsync(string key, Func<NpgsqlDataSource, Task> prepare)
    {
        lock (_prepared)
        {
            if (!_prepared.TryGetValue(key, out var database))
            {
                database = PrepareAsync(prepare);
                _prepared.Add(key, database);
            }
            return database;
        }
    }

    private async Task<NpgsqlDataSource> PrepareAsync(Func<NpgsqlDataSource, Task> prepare)
    {
        var dataSource = NpgsqlDataSource.Create(await CreateDatabaseAsync(withLtree: true));
        await prepare(dataSource);
        return dataSource;
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        foreach (var prepared in _prepared.Values)
            if (prepared.IsCompletedSuccessfully) await prepared.Result.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_clusterDirectory is not null)
        {
            await RunScriptAsync("stop-postgres", _clusterDirectory);
            return;
        }
        await using var admin = NpgsqlDataSource.Create(WithDatabase(ConnectionString, "postgres"));
        foreach (var name in _extraDatabases)
        {
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> StartClusterAsync()
    {
        _clusterDirectory = Path.Combine(Path.GetTempPath(), "konifer-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var (exitCode, output, errors) = await RunScriptAsync("start-postgres", _clusterDirectory);
        const string prefix = "export " + EnvironmentVariable + "=";
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (exitCode != 0 || line is null)
        {
            throw new InvalidOperationException(
                $"PostgreSQL could not be started for the tests: scripts/start-postgres exited with {exitCode}.\n{errors}{output}\n" +
                $"Fix the cause above, or set {EnvironmentVariable} to the connection string of a PostgreSQL server whose database has ltree.");
        }
        return line[prefix.Length..].Trim('\'');
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(string script, string directory)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(RepositoryRoot(), "scripts", script), "--dir", directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run scripts/{script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10)); // a first apt-get install can be slow
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "start-postgres"))) return directory.FullName;
        throw new InvalidOperationException($"scripts/start-postgres was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>A modest pool per data source, so that many data sources in one run stay within max_connections.</summary>
    private static string WithTestPool(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 50 }.ConnectionString;

    private static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
}
