using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Brings the database schema up to date at start-up: checks that ltree is enabled, then applies every embedded
/// migration not yet listed in <c>schema_migrations</c>, each in its own transaction. Several instances may start at
/// once: a session advisory lock lets one migrate while the others wait and then find nothing left to do.
/// </summary>
public sealed partial class PostgresMigrator(NpgsqlDataSource dataSource, ILogger<PostgresMigrator>? logger = null, TimeSpan? startupTimeout = null)
{
    /// <summary>Any constant works as long as every instance uses the same one ("Konifer" in ASCII).</summary>
    private const long MigrationLockKey = 0x4B6F6E69666572;

    private readonly ILogger _logger = logger ?? NullLogger<PostgresMigrator>.Instance;

    /// <summary>The schema versions this build knows, in order.</summary>
    public static IReadOnlyList<int> KnownVersions { get; } = PostgresMigration.All.Select(m => m.Version).ToArray();

    /// <summary>Applies the missing migrations; returns how many this call applied (0 when up to date).</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureLtreeAsync(connection, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection,
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken).ConfigureAwait(false);
            var applied = await AppliedVersionsAsync(connection, cancellationToken).ConfigureAwait(false);
            var count = 0;
            foreach (var migration in PostgresMigration.All.Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
                LogApplied(_logger, migration.Name);
                count++;
            }
            return count;
        }
        finally
        {
            // Closing the session would release the lock too; unlocking keeps the pooled connection clean.
            if (connection.FullState == System.Data.ConnectionState.Open)
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Opens a connection, retrying with back-off while the server cannot be reached yet (a database container still
    /// starting) until the start-up timeout; a refusal that waiting does not cure (a wrong password, no such database)
    /// fails at once.
    /// </summary>
    private Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var timeout = startupTimeout ?? TimeSpan.Zero;
        return StartupRetry.RunAsync(
            token => dataSource.OpenConnectionAsync(token).AsTask(),
            exception => exception is NpgsqlException or SocketException or TimeoutException ? IsTransient(exception) : null,
            timeout,
            (exception, wait, left) => LogWaiting(_logger, Target, exception.Message, StartupRetry.Seconds(wait), StartupRetry.Seconds(left)),
            (exception, timedOut) =>
            {
                LogGaveUp(_logger, exception);
                return Unreachable(exception, timedOut ? $" (gave up after {StartupRetry.Seconds(timeout)})" : "");
            },
            cancellationToken);
    }

    private string Target
    {
        get
        {
            var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            return $"{target.Host}:{target.Port}";
        }
    }

    private PostgresStartupException Unreachable(Exception exception, string gaveUp)
    {
        var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return new PostgresStartupException(
            $"Cannot connect to PostgreSQL at {target.Host}:{target.Port}, database '{target.Database}', user '{target.Username}' " +
            $"(data-store.postgresql.*){gaveUp}: {exception.Message}", exception);
    }

    /// <summary>
    /// Whether waiting may help: nobody listening, a timeout, a server still starting (57P03) or closing the
    /// connection; not an answer that says the settings are wrong (authentication, a database that does not exist).
    /// </summary>
    private static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is "57P03" or "53300",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException,
        _ => true,
    };

    private static async Task EnsureLtreeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT current_database(),
                   EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'ltree'),
                   EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'ltree')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var database = reader.GetString(0);
        if (reader.GetBoolean(1)) return;
        var install = reader.GetBoolean(2)
            ? ""
            : " The server does not offer it either: install PostgreSQL's contrib modules first (Debian/Ubuntu: apt-get install postgresql-contrib).";
        throw new PostgresStartupException(
            $"The PostgreSQL extension 'ltree' is not enabled in database '{database}'; Konifer stores asset paths as ltree.{install} " +
            $"Enable it once as a superuser (or the database owner): psql -d {database} -c 'CREATE EXTENSION ltree;'");
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) versions.Add(reader.GetInt32(0));
        return versions;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, PostgresMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
            await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL at {Target} is not reachable yet ({Error}); retrying in {Delay}, giving up in {Left} (data-store.postgresql.startup-timeout)")]
    private static partial void LogWaiting(ILogger logger, string target, string error, string delay, string left);

    [LoggerMessage(Level = LogLevel.Debug, Message = "PostgreSQL start-up failed")]
    private static partial void LogGaveUp(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied PostgreSQL schema migration {Migration}.")]
    private static partial void LogApplied(ILogger logger, string migration);
}
