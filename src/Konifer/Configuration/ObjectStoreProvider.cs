namespace Konifer.Configuration;

public enum ObjectStoreProvider { FileSystem, S3, InMemory }
