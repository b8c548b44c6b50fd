namespace Konifer.Configuration.Reading;

/// <summary><c>data-store</c>.</summary>
internal static class DataStoreReader
{
    private static readonly (string, DataStoreProvider)[] Providers =
        [("postgresql", DataStoreProvider.PostgreSql), ("in-memory", DataStoreProvider.InMemory)];

    /// <summary><c>startup-timeout</c> of a store's section: a duration from zero (one attempt) to an hour.</summary>
    internal static TimeSpan StartupTimeout(ConfigReader store)
    {
        var timeout = store.Duration("startup-timeout") ?? PostgreSqlSettings.DefaultStartupTimeout;
        return timeout <= TimeSpan.FromHours(1) ? timeout : throw store.Error("startup-timeout", $"{timeout} is more than an hour");
    }

    public static DataStoreSettings Read(ConfigReader dataStore)
    {
        var provider = dataStore.Choice("provider", Providers) ?? DataStoreProvider.PostgreSql;
        var postgres = dataStore.Section("postgresql");
        return new DataStoreSettings(provider, new PostgreSqlSettings(
            postgres.OptionalText("host") ?? "localhost",
            postgres.Int("port", 1, 65535) ?? 5432,
            postgres.OptionalText("database") ?? "konifer",
            postgres.OptionalText("user") ?? "postgres",
            postgres.OptionalText("password") ?? "",
            postgres.OptionalText("ssl-mode") ?? "prefer")
        {
            StartupTimeout = StartupTimeout(postgres),
            HitCache = HitCache(postgres.Section("hit-cache")),
        });
    }

    /// <summary><c>data-store.postgresql.hit-cache</c>: a positive count, a time to live and a keep-alive up to an hour.</summary>
    private static HitCacheSettings HitCache(ConfigReader cache)
    {
        var defaults = HitCacheSettings.Default;
        return new HitCacheSettings(
            cache.Bool("enabled") ?? defaults.Enabled,
            cache.Int("max-entries", 1, 10_000_000) ?? defaults.MaxEntries,
            Positive(cache, "ttl") ?? defaults.TimeToLive,
            Positive(cache, "keep-alive") ?? defaults.KeepAlive);
    }

    private static TimeSpan? Positive(ConfigReader section, string name) => section.Duration(name) switch
    {
        null => null,
        var d when d > TimeSpan.Zero && d <= TimeSpan.FromHours(1) => d,
        var d => throw section.Error(name, $"{d} is not more than zero and at most an hour"),
    };
}
