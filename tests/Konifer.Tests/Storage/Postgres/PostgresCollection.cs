namespace Konifer.Tests.Storage.Postgres;

/// <summary>Every PostgreSQL test class shares one server and runs one after the other (the outbox is shared).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
