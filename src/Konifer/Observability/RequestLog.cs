using Microsoft.AspNetCore.Diagnostics;
using System.Diagnostics;

namespace Konifer.Observability;

/// <summary>
/// One line per request at Information under the category <c>Konifer.Requests</c>: method, route pattern (not the
/// raw path, which carries asset names), status, duration and <c>K-Cache-Status</c>. Health probes and the metrics
/// scrape are logged at Debug: a probe every few seconds would drown the rest. A refused request (4xx) ends with its
/// reason (<see cref="RequestReason"/>), which is the only line it gets at Information. Switch it off with
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
        // The exception handler clears the endpoint before it writes the problem; its feature keeps the one that failed.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
        // An aborted request has no status the client saw; 499 is the usual name for it in access logs.
        var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
        var cache = context.Response.Headers["K-Cache-Status"].ToString();
        var milliseconds = Math.Round(elapsed.TotalMilliseconds, 1);
        if (request.Path.StartsWithSegments("/health") || (metrics.Enabled && request.Path.StartsWithSegments(metrics.Path)))
            LogProbe(_logger, request.Method, route, status, milliseconds);
        else if (status is >= 400 and < 500 && RequestReason.Of(context) is { } reason)
            LogRefused(_logger, request.Method, route, status, milliseconds, reason);
        else if (cache.Length > 0)
            LogCached(_logger, request.Method, route, status, milliseconds, cache);
        else
            LogRequest(_logger, request.Method, route, status, milliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} {Status} {ElapsedMs} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} {Status} {ElapsedMs} ms cache {CacheStatus}")]
    private static partial void LogCached(ILogger logger, string method, string route, int status, double elapsedMs, string cacheStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} {Status} {ElapsedMs} ms: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string route, int status, double elapsedMs, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Route} {Status} {ElapsedMs} ms")]
    private static partial void LogProbe(ILogger logger, string method, string route, int status, double elapsedMs);
}
