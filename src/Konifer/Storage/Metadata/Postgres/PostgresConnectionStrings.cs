using Konifer.Configuration;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>Turns the reference's <c>data-store.postgresql</c> keys into an Npgsql connection string.</summary>
internal static class PostgresConnectionStrings
{
    public static string From(PostgreSqlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = settings.Host,
            Port = settings.Port,
            Database = settings.Database,
            Username = settings.User,
            SslMode = ParseSslMode(settings.SslMode),
            ApplicationName = "konifer",
            // The same few statements run on every request: prepared once per connection, PostgreSQL skips parsing
            // and planning them again. Nothing we run leaves session state behind (the migrator's advisory lock is
            // released in a finally), so a returned connection needs no DISCARD ALL round trip.
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            NoResetOnClose = true,
        };
        if (settings.Password.Length > 0) builder.Password = settings.Password;
        return builder.ConnectionString;
    }

    /// <summary>Accepts libpq's spellings (<c>verify-full</c>) as well as Npgsql's (<c>VerifyFull</c>).</summary>
    public static SslMode ParseSslMode(string value) =>
        value.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "DISABLE" => SslMode.Disable,
            "ALLOW" => SslMode.Allow,
            "PREFER" => SslMode.Prefer,
            "REQUIRE" => SslMode.Require,
            "VERIFYCA" => SslMode.VerifyCA,
            "VERIFYFULL" => SslMode.VerifyFull,
            _ => throw new ConfigurationException("data-store.postgresql.ssl-mode",
                $"'{value}' is not an SSL mode; use disable, allow, prefer, require, verify-ca or verify-full."),
        };
}
