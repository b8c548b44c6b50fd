namespace Konifer.Configuration;

public enum DataStoreProvider { PostgreSql, InMemory }
