using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Rules;
using Konifer.Search;
using Konifer.Variants.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Konifer.Storage.Metadata;

public static class MetadataStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TStore"/> as one singleton behind every role of the metadata store. One instance,
    /// not one per role: a delete removes records and queues their objects in the outbox in one atomic step, and the
    /// in-memory store keeps all of it behind one lock.
    /// </summary>
    public static IServiceCollection AddMetadataStore<TStore>(this IServiceCollection services)
        where TStore : class, IAssetEntries, IVariantRecords, IStaleRecords, IObjectDeletionOutbox, IEntryEmbeddings
    {
        services.AddSingleton<TStore>();
        services.AddSingleton<IAssetEntries>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IVariantRecords>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IStaleRecords>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IObjectDeletionOutbox>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IEntryEmbeddings>(sp => sp.GetRequiredService<TStore>());
        // The prompt-embedding cache lives with the metadata: a store that has its own registers it first.
        services.TryAddSingleton<IPromptEmbeddingStore, InMemoryPromptEmbeddingStore>();
        services.TryAddSingleton<IBackfillLock, ProcessBackfillLock>();
        // Generation claims live with the metadata too (shared by the instances of a shared store).
        services.TryAddSingleton<IGenerationClaims>(sp => new InMemoryGenerationClaims(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        // So is the generation job queue: a store without one of its own (in memory) has a single node's queue.
        services.TryAddSingleton<Konifer.Variants.Jobs.IGenerationJobQueue, InMemoryGenerationJobQueue>();
        return services;
    }
}
