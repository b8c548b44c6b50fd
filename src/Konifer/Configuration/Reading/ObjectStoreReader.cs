namespace Konifer.Configuration.Reading;

/// <summary><c>object-store</c>.</summary>
internal static class ObjectStoreReader
{
    private static readonly (string, ObjectStoreProvider)[] Providers =
        [("filesystem", ObjectStoreProvider.FileSystem), ("s3", ObjectStoreProvider.S3), ("in-memory", ObjectStoreProvider.InMemory)];

    public static ObjectStoreSettings Read(ConfigReader objectStore, MissingKeys missing)
    {
        var provider = objectStore.Choice("provider", Providers) ?? ObjectStoreProvider.FileSystem;
        var filesystem = objectStore.Section("filesystem");
        var mountPath = filesystem.OptionalText("mount-path");
        if (provider == ObjectStoreProvider.FileSystem && string.IsNullOrWhiteSpace(mountPath))
            missing.Add(filesystem.Error("mount-path",
                "is required when object-store.provider = filesystem (or set IN_MEMORY=true to keep everything in memory)."));
        var s3 = objectStore.Section("s3");
        return new ObjectStoreSettings(provider, mountPath, new S3Settings(
            s3.OptionalText("endpoint-url"),
            s3.OptionalText("region"),
            s3.OptionalText("access-key"),
            s3.OptionalText("secret-key"),
            s3.Bool("force-path-style") ?? false) { StartupTimeout = DataStoreReader.StartupTimeout(s3) });
    }
}
