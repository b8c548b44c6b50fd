using Konifer.Storage.Metadata;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage;

public sealed class InMemoryVariantRetentionTests : VariantRetentionContract
{
    protected override MetadataStoreRoles CreateStore() => MetadataStoreRoles.Of(new InMemoryAssetRepository());
}
