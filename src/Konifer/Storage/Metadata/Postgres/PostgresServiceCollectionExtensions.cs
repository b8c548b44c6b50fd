using Konifer.Configuration;
using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL metadata store: one pooled <see cref="NpgsqlDataSource"/>, the repository as both
    /// <see cref="IAssetRepository"/> and <see cref="IObjectDeletionOutbox"/>, and the start-up step that migrates the
    /// schema (register this before other hosted services that use the store, so the schema exists when they start).
    /// </summary>
    public static IServiceCollection AddPostgresMetadataStore(this IServiceCollection services, PostgreSqlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var connectionString = PostgresConnectionStrings.From(settings);
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>())
            .Build());
        services.AddSingleton<PostgresMigrator>();
        services.AddSingleton<PostgresAssetRepository>();
        services.AddSingleton<IAssetRepository>(sp => sp.GetRequiredService<PostgresAssetRepository>());
        services.AddSingleton<IObjectDeletionOutbox>(sp => sp.GetRequiredService<PostgresAssetRepository>());
        services.AddHostedService<PostgresSchemaStartup>();
        return services;
    }
}
