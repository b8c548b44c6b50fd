using System.Diagnostics;

namespace Konifer.Observability;

/// <summary>
/// One line per request at Information under the category <c>Konifer.Requests</c>: method, route pattern (not the
/// raw path, which carries asset names), status, duration and <c>K-Cache-Status</c>. Health probes and the metrics
/// scrape are logged at Debug: a probe every few seconds would drown the rest. Switch it off with
/// <c>Logging.LogLevel."Konifer.Requests" = Warning</c>.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILoggerFactory loggers, MetricsEndpoint metrics)
{
    public const string Category = "Konifer.Requests";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            Write(context, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Write(HttpContext context, TimeSpan elapsed)
    {
        var request = context.Request;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
        // An aborted request has no status the client saw; 499 is the usual name for it in access logs.
        var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
        var cache = context.Response.Headers["K-Cache-Status"].ToString();
        var milliseconds = Math.Round(elapsed.TotalMilliseconds, 1);
        if (request.Path.StartsWithSegments("/health") || (metrics.Enabled && request.Path.StartsWithSegments(metrics.Path)))
            LogProbe(_logger, request.Method, route, status, milliseconds);
        else if (cache.Length > 0)
            LogCached(_logger, request.Method, route, status, milliseconds, cache);
        else
            LogRequest(_logger, request.Method, route, status, milliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} {Status} {ElapsedMs} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} {Status} {ElapsedMs} ms cache {CacheStatus}")]
    private static partial void LogCached(ILogger logger, string method, string route, int status, double elapsedMs, string cacheStatus);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Route} {Status} {ElapsedMs} ms")]
    private static partial void LogProbe(ILogger logger, string method, string route, int status, double elapsedMs);
}
