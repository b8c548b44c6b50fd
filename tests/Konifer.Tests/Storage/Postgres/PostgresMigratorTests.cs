using Konifer.Configuration;
using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Storage.Metadata.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>Start-up of the PostgreSQL store: migrations, the ltree check and the service registration.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigratorTests(PostgresServer server)
{
    [Fact]
    public async Task Migrating_twice_applies_every_migration_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync(withLtree: true));

        var first = await new PostgresMigrator(dataSource).MigrateAsync(CancellationToken.None);
        var second = await new PostgresMigrator(dataSource).MigrateAsync(CancellationToken.None);

        Assert.NotEmpty(PostgresMigrator.KnownVersions);
        Assert.Equal(PostgresMigrator.KnownVersions.Count, first);
        Assert.Equal(0, second);
        Assert.Equal(PostgresMigrator.KnownVersions, await AppliedVersionsAsync(dataSource));
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_apply_each_migration_exactly_once()
    {
        var connectionString = await server.CreateDatabaseAsync(withLtree: true);
        await using var one = NpgsqlDataSource.Create(connectionString);
        await using var other = NpgsqlDataSource.Create(connectionString);

        var applied = await Task.WhenAll(
            Task.Run(() => new PostgresMigrator(one).MigrateAsync(CancellationToken.None)),
            Task.Run(() => new PostgresMigrator(other).MigrateAsync(CancellationToken.None)));

        Assert.Equal(PostgresMigrator.KnownVersions.Count, applied.Sum());
        Assert.Equal(PostgresMigrator.KnownVersions, await AppliedVersionsAsync(one));
        var repository = new PostgresAssetRepository(one);
        Assert.Equal(0, await repository.CountAsync(CancellationToken.None)); // the schema is usable
    }

    [Fact]
    public async Task A_database_without_ltree_stops_start_up_with_the_command_that_enables_it()
    {
        var connectionString = await server.CreateDatabaseAsync(withLtree: false);
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var error = await Assert.ThrowsAsync<PostgresStartupException>(() => new PostgresMigrator(dataSource).MigrateAsync(CancellationToken.None));

        Assert.Contains("ltree", error.Message);
        Assert.Contains(database, error.Message);
        Assert.Contains("CREATE EXTENSION ltree;", error.Message);
        Assert.Contains("superuser", error.Message);
        Assert.False(await TableExistsAsync(dataSource, "assets"));
        Assert.False(await TableExistsAsync(dataSource, "schema_migrations"));
    }

    [Fact]
    public async Task The_registered_start_up_step_migrates_and_every_role_is_the_same_repository()
    {
        var connectionString = await server.CreateDatabaseAsync(withLtree: true);
        await using var provider = Services(connectionString).BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);

        // Entries and variant records go through the hit cache, in front of the same repository.
        var repository = provider.GetRequiredService<PostgresAssetRepository>();
        Assert.IsType<Konifer.Storage.Metadata.HitCache.CachingAssetEntries>(provider.GetRequiredService<IAssetEntries>());
        Assert.IsType<Konifer.Storage.Metadata.HitCache.CachingVariantRecords>(provider.GetRequiredService<IVariantRecords>());
        Assert.Same(repository, provider.GetRequiredService<IStaleRecords>());
        Assert.Same(repository, provider.GetRequiredService<IObjectDeletionOutbox>());
        Assert.Equal(PostgresMigrator.KnownVersions, await AppliedVersionsAsync(provider.GetRequiredService<NpgsqlDataSource>()));
    }

    [Fact]
    public async Task The_registered_start_up_step_fails_when_ltree_is_missing()
    {
        var connectionString = await server.CreateDatabaseAsync(withLtree: false);
        await using var provider = Services(connectionString).BuildServiceProvider();
        var startup = Assert.Single(provider.GetServices<IHostedService>().OfType<PostgresSchemaStartup>());

        var error = await Assert.ThrowsAsync<PostgresStartupException>(() => startup.StartAsync(CancellationToken.None));

        Assert.Contains("CREATE EXTENSION ltree;", error.Message);
    }

    [Fact]
    public async Task An_unreachable_server_is_retried_until_the_start_up_timeout_then_stops_start_up_naming_where_it_looked()
    {
        var settings = new PostgreSqlSettings("127.0.0.1", 1, "konifer", "postgres", "", "disable") { StartupTimeout = TimeSpan.FromSeconds(2) };
        var logs = new Konifer.Tests.TestSupport.CapturingLogProvider();
        await using var provider = new ServiceCollection().AddLogging(l => l.AddProvider(logs)).AddPostgresMetadataStore(settings).BuildServiceProvider();
        var startup = Assert.Single(provider.GetServices<IHostedService>().OfType<PostgresSchemaStartup>());

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<PostgresStartupException>(() => startup.StartAsync(CancellationToken.None));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(20));
        Assert.Contains("127.0.0.1:1", error.Message);
        Assert.Contains("'konifer'", error.Message);
        Assert.Contains("gave up after 2s", error.Message);
        Assert.True(logs.Entries.Count(e => e.Message.Contains("not reachable yet", StringComparison.Ordinal)) >= 2, string.Join("\n", logs.Entries.Select(e => e.Message)));
    }

    [Fact]
    public async Task A_start_up_timeout_of_zero_tries_once()
    {
        var settings = new PostgreSqlSettings("127.0.0.1", 1, "konifer", "postgres", "", "disable") { StartupTimeout = TimeSpan.Zero };
        await using var provider = new ServiceCollection().AddLogging().AddPostgresMetadataStore(settings).BuildServiceProvider();
        var startup = Assert.Single(provider.GetServices<IHostedService>().OfType<PostgresSchemaStartup>());

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<PostgresStartupException>(() => startup.StartAsync(CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.DoesNotContain("gave up", error.Message);
    }

    [Fact]
    public async Task A_server_that_comes_up_during_the_wait_is_migrated()
    {
        var connectionString = await server.CreateDatabaseAsync(withLtree: true);
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        await using var gate = Konifer.Tests.Faults.TcpGate.Open(new Uri($"tcp://{target.Host}:{target.Port}"));
        gate.Close();
        var settings = new PostgreSqlSettings("127.0.0.1", gate.Port, target.Database!, target.Username!, target.Password ?? "", "disable")
        {
            StartupTimeout = TimeSpan.FromSeconds(60),
        };
        await using var provider = new ServiceCollection().AddLogging().AddPostgresMetadataStore(settings).BuildServiceProvider();
        var startup = Assert.Single(provider.GetServices<IHostedService>().OfType<PostgresSchemaStartup>());

        var starting = startup.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(starting.IsCompleted, "start-up finished while PostgreSQL was unreachable");
        gate.Reopen();
        await starting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(PostgresMigrator.KnownVersions, await AppliedVersionsAsync(provider.GetRequiredService<NpgsqlDataSource>()));
    }

    [Fact]
    public void An_unknown_ssl_mode_is_a_configuration_error_naming_the_key()
    {
        var settings = new PostgreSqlSettings("localhost", 5432, "konifer", "postgres", "", "sometimes");

        var error = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddPostgresMetadataStore(settings));

        Assert.Equal("data-store.postgresql.ssl-mode", error.Key);
    }

    /// <summary>The service's registrations, configured from the reference's keys for the given database.</summary>
    private static ServiceCollection Services(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var settings = new PostgreSqlSettings(target.Host!, target.Port, target.Database!, target.Username!, target.Password ?? "", "disable");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPostgresMetadataStore(settings);
        return services;
    }

    private static async Task<int[]> AppliedVersionsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync()) versions.Add(reader.GetInt32(0));
        return [.. versions];
    }

    private static async Task<bool> TableExistsAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
