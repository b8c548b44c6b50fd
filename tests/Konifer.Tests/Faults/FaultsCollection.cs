using Konifer.Tests.Storage.Postgres;
using Konifer.Tests.Storage.S3;

namespace Konifer.Tests.Faults;

/// <summary>
/// The HTTP tests on the production stores: one PostgreSQL server and one s3rver for the collection (each test takes
/// its own database), run one after the other because some of them cut a store off.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<S3Server>
{
    public const string Name = "Faults";
}
