using Konifer.Configuration;
using Konifer.Storage.Objects.S3;

namespace Konifer.Observability;

/// <summary>
/// States at start-up which stores this instance uses and where they are, so an operator sees at a glance that it
/// talks to the database and bucket they meant. Names, hosts and paths only: never a password or a key.
/// </summary>
public static partial class StoresStartupLog
{
    public static void Write(ILogger logger, KoniferConfiguration configuration)
    {
        var settings = configuration.Settings;
        var buckets = string.Join(", ", ConfiguredBuckets.From(configuration.Paths));
        switch (settings.DataStore.Provider)
        {
            case DataStoreProvider.PostgreSql:
                var pg = settings.DataStore.PostgreSql;
                LogPostgres(logger, pg.Host, pg.Port, pg.Database, pg.User);
                break;
            default:
                LogInMemoryMetadata(logger);
                break;
        }
        var objects = settings.ObjectStore;
        switch (objects.Provider)
        {
            case ObjectStoreProvider.FileSystem:
                LogFileSystem(logger, objects.FileSystemMountPath!, buckets);
                break;
            case ObjectStoreProvider.S3:
                LogS3(logger, objects.S3.EndpointUrl ?? "AWS (default endpoint)", objects.S3.Region ?? "from the AWS SDK's defaults", buckets);
                break;
            default:
                LogInMemoryObjects(logger, buckets);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metadata store: PostgreSQL at {Host}:{Port}, database {Database}, user {User}")]
    private static partial void LogPostgres(ILogger logger, string host, int port, string database, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Metadata store: in memory (lost when the process stops)")]
    private static partial void LogInMemoryMetadata(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Object store: filesystem at {MountPath}, buckets {Buckets}")]
    private static partial void LogFileSystem(ILogger logger, string mountPath, string buckets);

    [LoggerMessage(Level = LogLevel.Information, Message = "Object store: S3 at {Endpoint}, region {Region}, buckets {Buckets}")]
    private static partial void LogS3(ILogger logger, string endpoint, string region, string buckets);

    [LoggerMessage(Level = LogLevel.Information, Message = "Object store: in memory (lost when the process stops), buckets {Buckets}")]
    private static partial void LogInMemoryObjects(ILogger logger, string buckets);
}
