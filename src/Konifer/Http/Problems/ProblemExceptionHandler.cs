using System.Text.Json;
using Konifer.Core.Assets;
using Konifer.Core.Images;
using Konifer.Http.Uploads;
using Konifer.Transformations;
using Konifer.Variants.Scheduling;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Konifer.Http.Problems;

/// <summary>Turns domain and request errors into problem responses; anything unexpected is a 500 without details.</summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    private static string RetryLater(HttpContext context, TimeSpan retryAfter, string message)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return message;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
            return true; // the client went away; nobody is listening
        var (status, detail) = exception switch
        {
            BadRequestException e => (400, e.Message),
            InvalidAssetInformationException e => (400, e.Message),
            InvalidImageException e => (400, e.Message),
            InvalidTransformationException e => (400, e.Message),
            JsonException => (400, "The request body is not valid JSON for this operation."),
            ContentTypeNotAllowedException e => (403, e.Message),
            AssetNotFoundException e => (404, e.Message),
            AssetContentMissingException e => (404, e.Message),
            PayloadTooLargeException e => (413, e.Message),
            UnsupportedMediaTypeException e => (415, e.Message),
            // 422, not 503: the overrun follows from the request (size, frames, format), so retrying it would only
            // cost the same time again; not 500: nothing is broken, the server keeps to a configured limit.
            GenerationTimeoutException e => (422, e.Message),
            _ when StoreOutage.MessageFor(exception) is { } outage => (503, RetryLater(context, StoreOutage.RetryAfter, outage)),
            SchedulerQueueFullException e => (503, RetryLater(context, e.RetryAfter, "Too many images are being generated right now; try again shortly.")),
            BadHttpRequestException e when e.StatusCode == 413 => (413, "The request body is larger than this server accepts."),
            BadHttpRequestException e when e.StatusCode == 408 => (408, "The request body arrived too slowly (below Kestrel's minimum data rate)."),
            // Kestrel's and the binder's own words can name .NET parameters and types: keep them in the log.
            BadHttpRequestException e => (e.StatusCode, "The request could not be read (malformed HTTP)."),
            _ => (500, "An unexpected error occurred. The server log has the details."),
        };
        if (status == 503) ProblemLog.LogUnavailable(logger, exception, status, context.Request.Method, context.Request.Path, detail);
        else if (status >= 500) ProblemLog.LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        else ProblemLog.LogRefused(logger, exception as BadHttpRequestException, status, context.Request.Method, context.Request.Path, detail);
        if (context.Response.HasStarted) return true;
        context.Response.Clear();
        await ApiProblem.WriteAsync(context, status, detail);
        return true;
    }
}

/// <summary>The log lines of <see cref="ProblemExceptionHandler"/>.</summary>
internal static partial class ProblemLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Status} for {Method} {Path}: {Detail}")]
    public static partial void LogUnavailable(ILogger logger, Exception exception, int status, string method, PathString path, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error for {Method} {Path}")]
    public static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    /// <summary>Kestrel's errors keep their exception, whose words the answer leaves out; the domain's refusals need no stack trace.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "{Status} for {Method} {Path}: {Detail}")]
    public static partial void LogRefused(ILogger logger, BadHttpRequestException? exception, int status, string method, PathString path, string detail);
}
