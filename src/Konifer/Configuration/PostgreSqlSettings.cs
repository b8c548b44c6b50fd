namespace Konifer.Configuration;

public sealed record PostgreSqlSettings(string Host, int Port, string Database, string User, string Password, string SslMode)
{
    /// <summary>The default of <see cref="StartupTimeout"/>: long enough for a database container started beside ours.</summary>
    public static readonly TimeSpan DefaultStartupTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>data-store.postgresql.startup-timeout</c> (ours): how long start-up keeps retrying, with back-off, while
    /// PostgreSQL cannot be reached yet; zero tries once.
    /// </summary>
    public TimeSpan StartupTimeout { get; init; } = DefaultStartupTimeout;

    /// <summary><c>data-store.postgresql.hit-cache</c> (ours): the in-process cache of hits and its invalidation.</summary>
    public HitCacheSettings HitCache { get; init; } = HitCacheSettings.Default;

    // Settings end up in logs and exception messages: the generated ToString must not print the password.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Host = {Host}, Port = {Port}, Database = {Database}, User = {User}, Password = {Secret.Mask(Password)}, SslMode = {SslMode}, StartupTimeout = {StartupTimeout}, HitCache = {HitCache}");
        return true;
    }
}
