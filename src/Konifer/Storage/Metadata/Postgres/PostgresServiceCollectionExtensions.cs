using Konifer.Configuration;
using Konifer.Rules;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL metadata store: one pooled <see cref="NpgsqlDataSource"/>, the repository behind every
    /// role of the store and the prompt-embedding cache (<see cref="MetadataStoreServiceCollectionExtensions.AddMetadataStore{TStore}"/>), and the
    /// start-up step that migrates the schema (register this before other hosted services that use the store, so the
    /// schema exists when they start), and its readiness check (<see cref="PostgresHealthCheck"/>).
    /// </summary>
    public static IServiceCollection AddPostgresMetadataStore(this IServiceCollection services, PostgreSqlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var connectionString = PostgresConnectionStrings.From(settings);
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>())
            .Build());
        services.AddSingleton(sp => new PostgresMigrator(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetService<Microsoft.Extensions.Logging.ILogger<PostgresMigrator>>(), settings.StartupTimeout));
        services.AddSingleton<IPromptEmbeddingStore>(sp => new PostgresPromptEmbeddingStore(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<Konifer.Search.IBackfillLock>(sp => new PostgresBackfillLock(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddMetadataStore<PostgresAssetRepository>();
        services.AddHostedService<PostgresSchemaStartup>();
        services.AddStoreHealthCheck<PostgresHealthCheck>(PostgresHealthCheck.Name);
        return services;
    }
}
