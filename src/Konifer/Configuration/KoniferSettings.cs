using Konifer.Variants.Scheduling;

namespace Konifer.Configuration;

/// <summary>The global (not per-path) settings of <c>konifer.conf</c>, validated once at start-up.</summary>
public sealed record KoniferSettings(
    DataStoreSettings DataStore,
    ObjectStoreSettings ObjectStore,
    HttpSettings Http,
    SourceSettings Source,
    VariantGenerationSettings VariantGeneration);

public enum DataStoreProvider { PostgreSql, InMemory }

public sealed record DataStoreSettings(DataStoreProvider Provider, PostgreSqlSettings PostgreSql);

public sealed record PostgreSqlSettings(string Host, int Port, string Database, string User, string Password, string SslMode);

public enum ObjectStoreProvider { FileSystem, S3, InMemory }

public sealed record ObjectStoreSettings(ObjectStoreProvider Provider, string? FileSystemMountPath, S3Settings S3);

public sealed record S3Settings(string? EndpointUrl, string? Region, string? AccessKey, string? SecretKey, bool ForcePathStyle);

/// <summary><c>PublicUrl</c> null means: build absolute URLs from the request's own scheme and host.</summary>
public sealed record HttpSettings(Uri? PublicUrl);

public sealed record SourceSettings(long MultipartMaxBytes, IReadOnlyList<string> UrlAllowedDomains, long UrlMaxBytes);
