using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Storage.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Konifer.Tests.Storage;

public sealed class MetadataStoreRegistrationTests
{
    [Fact]
    public async Task Every_role_of_the_metadata_store_is_one_instance()
    {
        // One instance: a delete must queue its objects in the same store, under the same lock, that removed the records.
        await using var provider = new ServiceCollection().AddMetadataStore<InMemoryAssetRepository>().BuildServiceProvider();

        var store = provider.GetRequiredService<InMemoryAssetRepository>();
        Assert.Same(store, provider.GetRequiredService<IAssetEntries>());
        Assert.Same(store, provider.GetRequiredService<IVariantRecords>());
        Assert.Same(store, provider.GetRequiredService<IStaleRecords>());
        Assert.Same(store, provider.GetRequiredService<IObjectDeletionOutbox>());
    }
}
