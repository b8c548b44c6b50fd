namespace Konifer.Configuration.Reading;

/// <summary><c>instance</c>: the role, which only a shared (PostgreSQL) metadata store can split between instances.</summary>
internal static class InstanceReader
{
    private static readonly (string, InstanceRole)[] Roles = [("all", InstanceRole.All), ("api", InstanceRole.Api), ("worker", InstanceRole.Worker)];

    public static InstanceSettings Read(ConfigReader instance, DataStoreSettings dataStore)
    {
        var role = instance.Choice("role", Roles) ?? InstanceRole.All;
        // An api instance's jobs would wait forever in a queue no other instance can see, and a worker's would be empty.
        if (role != InstanceRole.All && dataStore.Provider != DataStoreProvider.PostgreSql)
            throw instance.Error("role", $"{role.ToString().ToLowerInvariant()} needs data-store.provider = postgresql (the job queue is shared through it); with the in-memory store use all");
        return new InstanceSettings(role);
    }
}
