using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Konifer.Background;

/// <summary>
/// A maintenance loop that runs once at start and then every <see cref="Interval"/>, surviving store outages: a
/// failed round is logged and the next tick tries again. Stops cleanly on shutdown.
/// </summary>
public abstract partial class PeriodicBackgroundService(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>What the loop is doing, for the failure log (e.g. "Expiring variants").</summary>
    protected abstract string Activity { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRoundFailed(Logger, exception, Activity, Interval);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false); }
        catch (OperationCanceledException) { return false; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Activity} failed; trying again in {Interval}.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string activity, TimeSpan interval);
}
