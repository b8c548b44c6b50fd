using Konifer.Storage.Metadata.Postgres;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>The variant retention contract against a real PostgreSQL (migrated to the newest schema).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresVariantRetentionTests(PostgresServer server) : VariantRetentionContract
{
    protected override MetadataStoreRoles CreateStore() => MetadataStoreRoles.Of(new PostgresAssetRepository(server.DataSource));
}
