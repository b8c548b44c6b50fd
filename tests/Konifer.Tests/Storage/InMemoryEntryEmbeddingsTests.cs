using Konifer.Storage.Metadata;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage;

public sealed class InMemoryEntryEmbeddingsTests : EntryEmbeddingsContract
{
    protected override MetadataStoreRoles CreateStore() => MetadataStoreRoles.Of(new InMemoryAssetRepository());
}
