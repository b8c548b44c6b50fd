using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Storage.Metadata;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage;

public sealed class InMemoryAssetRepositoryTests : AssetRepositoryContract
{
    protected override (IAssetRepository Assets, IObjectDeletionOutbox Outbox) CreateRepository()
    {
        var repository = new InMemoryAssetRepository();
        return (repository, repository);
    }
}
