namespace Konifer.Configuration;

public sealed record DataStoreSettings(DataStoreProvider Provider, PostgreSqlSettings PostgreSql);
