using Konifer.Core.Assets;
using Konifer.Core.Storage;
using Konifer.Storage.Metadata.Postgres;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>The metadata store contract against a real PostgreSQL, through the pooled data source the service uses.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAssetRepositoryTests(PostgresServer server) : AssetRepositoryContract
{
    protected override (IAssetRepository Assets, IObjectDeletionOutbox Outbox) CreateRepository()
    {
        var repository = new PostgresAssetRepository(server.DataSource);
        return (repository, repository);
    }
}
