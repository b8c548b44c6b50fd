using Konifer.Configuration;
using Konifer.Core.Assets;
using Konifer.Rules;
using Konifer.Storage.Metadata.HitCache;
using Konifer.Variants.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
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
        services.TryAddSingleton<ClaimSignals>();
        services.AddSingleton<IGenerationClaims>(sp => new PostgresGenerationClaims(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ClaimSignals>()));
        services.AddSingleton<IPostgresChannelSubscriber>(sp => new PostgresClaimSubscriber(sp.GetRequiredService<ClaimSignals>()));
        services.AddSingleton<Konifer.Variants.Jobs.IGenerationJobQueue>(sp => new PostgresGenerationJobQueue(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<Konifer.Variants.Jobs.GenerationJobSignal>();
        services.AddSingleton<IPostgresChannelSubscriber>(sp => new PostgresJobSubscriber(sp.GetRequiredService<Konifer.Variants.Jobs.GenerationJobSignal>()));
        services.AddMetadataStore<PostgresAssetRepository>();
        services.AddHostedService<PostgresSchemaStartup>();
        if (settings.HitCache.Enabled) AddHitCache(services, settings.HitCache);
        // One listening connection per instance, whether or not the hit cache is on: claim waiters need it too.
        services.AddHostedService(sp => new PostgresNotificationListener(
            PostgresNotificationListener.ConnectionString(connectionString, settings.HitCache.KeepAlive),
            sp.GetServices<IPostgresChannelSubscriber>().ToArray(), settings.HitCache.KeepAlive,
            sp.GetRequiredService<ILogger<PostgresNotificationListener>>()));
        services.AddStoreHealthCheck<PostgresHealthCheck>(PostgresHealthCheck.Name);
        return services;
    }

    /// <summary>
    /// Several instances share the database, so a hit answered from memory is only safe while changes are heard:
    /// the reads and this instance's writes go through <see cref="AssetHitCache"/>, and the listener evicts what
    /// other instances change.
    /// </summary>
    private static void AddHitCache(IServiceCollection services, HitCacheSettings settings)
    {
        services.AddSingleton(sp => new AssetHitCache(settings, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.Replace(ServiceDescriptor.Singleton<IAssetEntries>(sp =>
            new CachingAssetEntries(sp.GetRequiredService<PostgresAssetRepository>(), sp.GetRequiredService<AssetHitCache>())));
        services.Replace(ServiceDescriptor.Singleton<IVariantRecords>(sp =>
            new CachingVariantRecords(sp.GetRequiredService<PostgresAssetRepository>(), sp.GetRequiredService<AssetHitCache>())));
        services.AddSingleton<IPostgresChannelSubscriber>(sp => new PostgresHitCacheSubscriber(sp.GetRequiredService<AssetHitCache>()));
    }
}
