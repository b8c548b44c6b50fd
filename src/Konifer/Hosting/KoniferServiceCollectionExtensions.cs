using Konifer.Storage.Outbox;
using Konifer.Assets;
using Konifer.Assets.Sources;
using Konifer.Configuration;
using Konifer.Core.Images;
using Konifer.Core.Sources;
using Konifer.Core.Storage;
using Konifer.Hosting.Health;
using Konifer.Http.OpenApi;
using Konifer.Sources;
using Konifer.Imaging;
using Konifer.Inference;
using Konifer.Rules;
using Konifer.Search;
using Konifer.Observability;
using Konifer.Storage.Leftovers;
using Konifer.Storage.Metadata;
using Konifer.Storage.Metadata.Postgres;
using Konifer.Storage.Objects;
using Konifer.Storage.Objects.S3;
using Konifer.Variants;
using Konifer.Variants.Jobs;
using Konifer.Variants.Scheduling;
using Konifer.Variants.Claims;

namespace Konifer.Hosting;

public static class KoniferServiceCollectionExtensions
{
    /// <summary>Registers the use cases and the stores that <paramref name="configuration"/> selects.</summary>
    public static IServiceCollection AddKonifer(this IServiceCollection services, KoniferConfiguration configuration)
    {
        var settings = configuration.Settings;
        services.AddSingleton(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(configuration.Profiles);
        services.AddSingleton(configuration.Paths);
        services.AddSingleton(TimeProvider.System);
        services.AddKoniferApiDocument(settings.Http);
        // The standard OTEL_ variable is the process's own, as the OpenTelemetry SDK reads it (docs/observability.md).
        services.AddKoniferObservability(configuration.Metrics, Environment.GetEnvironmentVariable);

        VipsRuntime.EnsureAvailable();
        var source = settings.Source;
        services.AddSingleton(new SourceImageLimits(source.MaxPixels, source.MaxDimension, source.DecodeTimeout) { MaxFrames = source.MaxFrames });
        services.AddSingleton<IImageInspector, VipsImageInspector>();
        services.AddSingleton(new UrlSourcePolicy(AllowedDomains.Parse(source.UrlAllowedDomains), source.UrlMaxBytes,
            source.UrlMaxRedirects, source.UrlConnectTimeout, source.UrlReadTimeout, source.UrlTimeout));
        services.AddSingleton<IUrlSource, HttpUrlSource>();
        services.AddSingleton<IS3ObjectSource, S3ArnSource>();
        // Big jobs hand their freed native memory back, or the next big job adds to it (docs/memory.md).
        services.AddSingleton<IImageTransformer>(new HeapTrimmingTransformer(new VipsImageTransformer()));
        services.AddVariantGenerationScheduler(settings.VariantGeneration);
        services.AddSingleton<PlaceholderEncoder>();
        // Instances sharing a store generate each variant once: the claim's owner is this process (docs/production-stores.md).
        services.AddSingleton(InstanceId.ForThisProcess());
        services.AddSingleton(sp => new ClaimedGeneration(sp.GetRequiredService<IGenerationClaims>(), sp.GetRequiredService<InstanceId>(),
            settings.VariantGeneration.ClaimLease, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ClaimedGeneration>>()));
        services.AddSingleton<VariantGeneration>();
        services.AddSingleton<VariantCache>();
        switch (settings.DataStore.Provider)
        {
            case DataStoreProvider.InMemory:
                services.AddMetadataStore<InMemoryAssetRepository>();
                break;
            case DataStoreProvider.PostgreSql:
                // Registered before the background workers so that the schema is migrated before they start.
                services.AddPostgresMetadataStore(settings.DataStore.PostgreSql);
                break;
        }

        switch (settings.ObjectStore.Provider)
        {
            case ObjectStoreProvider.InMemory:
                services.AddSingleton<IObjectStore, InMemoryObjectStore>();
                break;
            case ObjectStoreProvider.FileSystem:
                services.AddFileSystemObjectStore(settings.ObjectStore.FileSystemMountPath!);
                break;
            case ObjectStoreProvider.S3:
                services.AddS3ObjectStore(settings.ObjectStore.S3);
                break;
        }

        // Every provider behind one wrapper: a span per call, bytes stored, outages counted (docs/observability.md).
        services.DecorateObjectStore(settings.ObjectStore.Provider.ToString().ToLowerInvariant());

        // Hosted services start in registration order: every background loop comes after the stores' start-up
        // checks and migrations, so that none of them runs against a schema that does not exist yet.
        services.AddSingleton<VariantAccessBuffer>();
        services.AddSingleton<VariantAccessFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<VariantAccessFlusher>());
        services.AddSingleton<VariantExpirationReaper>();
        services.AddHostedService(sp => sp.GetRequiredService<VariantExpirationReaper>());
        services.AddObjectDeletionWorker();
        services.AddSingleton(new PendingUploadSweeperSettings());
        services.AddHostedService<PendingUploadSweeper>();
        services.AddSingleton(new LeftoverFileSweeperSettings());
        services.AddHostedService<LeftoverFileSweeper>();
        // Eager variants go through the job queue; an api instance queues them and leaves them to the workers.
        services.AddGenerationJobs(settings.VariantGeneration, settings.Instance.RunsJobs);

        // After the stores: the prompt warm-up reads and writes the prompt-embedding table once it is migrated.
        var rules = configuration.Rules;
        if (rules.UsesModel)
            services.AddSiglip2Inference(new InferenceSettings(rules.ModelDir, rules.Inference.Workers, rules.Inference.QueueSize));
        services.AddUploadRules(rules.Definitions);
        // After the stores and the model: the backfill embeds entries of paths with search.enabled.
        if (rules.SearchEnabled)
        {
            services.AddSingleton(SearchBackfillSettings.Default);
            services.AddHostedService<SearchBackfill>();
        }

        // After the stores: they register their readiness checks, and the monitor starts after their start-up steps.
        services.AddKoniferHealth();

        services.AddSingleton<StoreAsset>();
        services.AddSingleton<ExternalSourceDownload>();
        services.AddSingleton<StoreAssetFromSource>();
        services.AddSingleton<FetchAsset>();
        services.AddSingleton<UpdateAsset>();
        services.AddSingleton<DeleteAssets>();
        services.AddSingleton<EntryEmbedding>();
        services.AddSingleton<SearchAssets>();
        return services;
    }
}
