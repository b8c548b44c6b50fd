using Konifer.Configuration;
using Konifer.Storage.Metadata.HitCache;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// Keeps <see cref="AssetHitCache"/> true to the database: on its own connection it LISTENs to
/// <see cref="Channel"/>, where the schema's triggers announce each committed change by path, and evicts that path.
/// While it is not listening (not yet connected, connection lost) the cache is suspended: bypassed and empty; once
/// listening again it is flushed and used. When the connection is idle it runs a query every keep-alive interval, so
/// a connection that died silently is noticed within about twice that interval.
/// </summary>
public sealed partial class PostgresHitCacheListener(
    string connectionString, AssetHitCache cache, HitCacheSettings settings, ILogger<PostgresHitCacheListener> logger) : BackgroundService
{
    public const string Channel = "konifer_assets";

    /// <summary>The listener's application_name in pg_stat_activity, to find its backend.</summary>
    public const string ApplicationName = "konifer-hit-cache";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The listener's own connection string: not pooled, named, its probes bounded by the keep-alive.</summary>
    public static string ConnectionString(string poolConnectionString, HitCacheSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new NpgsqlConnectionStringBuilder(poolConnectionString)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
            CommandTimeout = Math.Max(1, (int)Math.Ceiling(settings.KeepAlive.TotalSeconds)),
            TcpKeepAlive = true,
        }.ConnectionString;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever it was, the listener must keep trying: an exception leaving a hosted service stops the host.
                LogLost(logger, e, RetryDelay);
            }
            finally
            {
                // Whatever ended the listening, no news arrives now.
                cache.Suspend();
            }
            try
            {
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += (_, e) => cache.Invalidate(e.Payload);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            // Changes committed before LISTEN took effect were never announced to us: flush, then serve.
            cache.Resume();
            LogListening(logger);
            while (true)
            {
                if (await connection.WaitAsync(settings.KeepAlive, cancellationToken).ConfigureAwait(false)) continue;
                await using var probe = new NpgsqlCommand("SELECT 1", connection);
                await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hit cache: listening for changes; serving from the cache.")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hit cache: not listening for changes; the cache is bypassed until the listener reconnects (retrying in {RetryDelay}).")]
    private static partial void LogLost(ILogger logger, Exception exception, TimeSpan retryDelay);
}
