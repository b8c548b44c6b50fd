namespace Konifer.Storage.Metadata.Postgres;

/// <summary>The PostgreSQL metadata store cannot be used as it is (e.g. ltree missing); the message says how to fix it.</summary>
public sealed class PostgresStartupException : StoreStartupException
{
    public PostgresStartupException(string message) : base(message) { }

    public PostgresStartupException(string message, Exception innerException) : base(message, innerException) { }
}
