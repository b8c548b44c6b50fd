using Microsoft.Extensions.Hosting;

namespace Konifer.Inference;

/// <summary>
/// Loads the image tower in the background as the server starts, so the first upload (or search backfill) does not
/// wait for it: a full-size SigLIP2 vision model takes seconds to load (16 s on the 2-core test machine). Start-up
/// does not wait; a request that needs the tower while it loads waits for the same load instead of starting another.
/// </summary>
internal sealed partial class VisionModelWarmUp(Siglip2Runtime runtime, ILogger<VisionModelWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            try
            {
                _ = runtime.Vision.Session;
            }
            catch (ObjectDisposedException)
            {
                // Stopped before it loaded: nothing to warm any more.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The first request that needs the tower tries again and reports the error to its client.
                LogFailed(logger, e);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    // Not awaited: a load cannot be interrupted, and disposing the runtime waits for it anyway.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the SigLIP2 image model in advance; the first request that needs it tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
