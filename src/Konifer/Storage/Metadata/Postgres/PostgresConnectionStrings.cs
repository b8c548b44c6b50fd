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
