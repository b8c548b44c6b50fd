using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Konifer.Storage.Metadata.Postgres;

/// <summary>
/// The instance's one listening connection: LISTENs to the channel of each <see cref="IPostgresChannelSubscriber"/>
/// (the hit cache's evictions, generation claims' releases) and hands each notification to its channel's
/// subscribers. When it starts listening, and whenever the connection is lost, every subscriber hears of it, so each
/// can make up for news it may have missed. When the connection is idle it runs a query every keep-alive interval, so
/// a connection that died silently is noticed within about twice that interval.
/// </summary>
public sealed partial class PostgresNotificationListener(
    string connectionString, IReadOnlyList<IPostgresChannelSubscriber> subscribers, TimeSpan keepAlive,
    ILogger<PostgresNotificationListener> logger) : BackgroundService
{
    /// <summary>The listener's application_name in pg_stat_activity, to find its backend.</summary>
    public const string ApplicationName = "konifer-listener";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The listener's own connection string: not pooled, named, its probes bounded by the keep-alive.</summary>
    public static string ConnectionString(string poolConnectionString, TimeSpan keepAlive) =>
        new NpgsqlConnectionStringBuilder(poolConnectionString)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
            CommandTimeout = Math.Max(1, (int)Math.Ceiling(keepAlive.TotalSeconds)),
            TcpKeepAlive = true,
        }.ConnectionString;

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
                foreach (var subscriber in subscribers) subscriber.Lost();
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
            connection.Notification += (_, e) =>
            {
                foreach (var subscriber in subscribers)
                    if (subscriber.Channel == e.Channel) subscriber.Notified(e.Payload);
            };
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            foreach (var channel in subscribers.Select(s => s.Channel).Distinct(StringComparer.Ordinal))
            {
                await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
                await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            foreach (var subscriber in subscribers) subscriber.Listening();
            LogListening(logger, string.Join(", ", subscribers.Select(s => s.Channel)));
            while (true)
            {
                if (await connection.WaitAsync(keepAlive, cancellationToken).ConfigureAwait(false)) continue;
                await using var probe = new NpgsqlCommand("SELECT 1", connection);
                await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for changes of other instances on {Channels}.")]
    private static partial void LogListening(ILogger logger, string channels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for changes of other instances: the hit cache is bypassed and claim waiters poll until the listener reconnects (retrying in {RetryDelay}).")]
    private static partial void LogLost(ILogger logger, Exception exception, TimeSpan retryDelay);
}
