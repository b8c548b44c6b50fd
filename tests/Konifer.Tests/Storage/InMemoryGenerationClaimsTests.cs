using Konifer.Storage.Metadata;
using Konifer.Tests.Storage.Contracts;
using Konifer.Variants.Claims;

namespace Konifer.Tests.Storage;

public sealed class InMemoryGenerationClaimsTests : GenerationClaimsContract
{
    protected override MetadataStoreRoles CreateStore() => MetadataStoreRoles.Of(new InMemoryAssetRepository());

    protected override IGenerationClaims CreateClaims() => new InMemoryGenerationClaims(TimeProvider.System);
}
