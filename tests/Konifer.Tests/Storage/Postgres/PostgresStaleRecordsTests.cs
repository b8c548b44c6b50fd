using Konifer.Storage.Metadata.Postgres;
using Konifer.Tests.Storage.Contracts;

namespace Konifer.Tests.Storage.Postgres;

/// <summary>The stale records contract against a real PostgreSQL, through the pooled data source the service uses.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStaleRecordsTests(PostgresServer server) : StaleRecordsContract
{
    protected override MetadataStoreRoles CreateStore() => MetadataStoreRoles.Of(new PostgresAssetRepository(server.DataSource));
}
