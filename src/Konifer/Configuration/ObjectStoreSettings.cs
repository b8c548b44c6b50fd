namespace Konifer.Configuration;

public sealed record ObjectStoreSettings(ObjectStoreProvider Provider, string? FileSystemMountPath, S3Settings S3);
