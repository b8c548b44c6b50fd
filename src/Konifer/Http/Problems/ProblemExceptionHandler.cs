using System.Globalization;
using System.Text.Json;
using Konifer.Core.Problems;
using Konifer.Core.Storage;
using Konifer.Core.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Konifer.Observability;

namespace Konifer.Http.Problems;

/// <summary>
/// Turns domain and request errors into problem responses; anything unexpected is a 500 without details. Domain
/// errors arrive as <see cref="DomainException"/>s whose <see cref="ProblemKind"/> picks the status: the stores'
/// adapters translate their drivers' failures, so nothing here knows PostgreSQL or S3.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger, StoreInstruments? instruments = null) : IExceptionHandler
{
    private const string Unexpected = "An unexpected error occurred. The server log has the details.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
            return true; // the client went away; nobody is listening
        var problem = exception as DomainException ?? WrappedOutage(exception);
        // Object store outages are counted by the store's wrapper, wherever they happen; metadata outages here.
        if (problem is MetadataStoreUnavailableException) instruments?.Failed("metadata");
        var (status, detail) = problem is null ? FrameworkProblem(exception) : (StatusOf(problem.Kind), problem.Detail);
        // A source that failed (502, 504) is no bug of ours: a warning with its cause, like our own outages (503).
        if (status is 502 or 503 or 504) ProblemLog.LogUnavailable(logger, exception, status, context.Request.Method, context.Request.Path, detail);
        else if (status >= 500) ProblemLog.LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        // A problem whose message is kept from the client (see DomainException.Detail) is logged with it, on the
        // request's one line; Kestrel's own exception (its words name .NET types) only at Debug.
        else
        {
            RequestReason.Set(context, problem?.Message ?? detail);
            ProblemLog.LogRefused(logger, exception as BadHttpRequestException, status, context.Request.Method, context.Request.Path, problem?.Message ?? detail);
        }
        if (context.Response.HasStarted) return true;
        context.Response.Clear();
        if (problem is UnavailableException unavailable)
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(unavailable.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ApiProblem.WriteAsync(context, status, detail);
        return true;
    }

    private static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.BadRequest => 400,
        ProblemKind.Forbidden => 403,
        ProblemKind.NotFound => 404,
        ProblemKind.TooLarge => 413,
        ProblemKind.UnsupportedMediaType => 415,
        // 422, not 503: the overrun follows from the request (size, frames, format), so retrying it would only cost
        // the same time again; not 500: nothing is broken, the server keeps to a configured limit.
        ProblemKind.Timeout => 422,
        ProblemKind.Unavailable => 503,
        ProblemKind.UpstreamFailed => 502,
        ProblemKind.UpstreamTimeout => 504,
        _ => 500, // a kind added without a status here: answer as for any unknown failure rather than fail the handler
    };

    /// <summary>
    /// An outage somewhere inside <paramref name="exception"/> (wrapped, or among an AggregateException's): a store
    /// that is down means "try again later" however deep in the failure it shows, else null.
    /// </summary>
    private static UnavailableException? WrappedOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate)
                return aggregate.InnerExceptions.Select(WrappedOutage).FirstOrDefault(outage => outage is not null);
            if (e is UnavailableException outage) return outage;
        }
        return null;
    }

    /// <summary>Errors of ASP.NET Core and the JSON reader, which are not ours to tag with a kind.</summary>
    private static (int Status, string Detail) FrameworkProblem(Exception exception) => exception switch
    {
        JsonException => (400, "The request body is not valid JSON for this operation."),
        BadHttpRequestException { StatusCode: 413 } => (413, "The request body is larger than this server accepts."),
        BadHttpRequestException { StatusCode: 408 } => (408, "The request body arrived too slowly (below Kestrel's minimum data rate)."),
        // Kestrel's and the binder's own words can name .NET parameters and types: keep them in the log.
        BadHttpRequestException e => (e.StatusCode, "The request could not be read (malformed HTTP)."),
        _ => (500, Unexpected),
    };
}

/// <summary>The log lines of <see cref="ProblemExceptionHandler"/>.</summary>
internal static partial class ProblemLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Status} for {Method} {Path}: {Detail}")]
    public static partial void LogUnavailable(ILogger logger, Exception exception, int status, string method, PathString path, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error for {Method} {Path}")]
    public static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    /// <summary>Kestrel's errors keep their exception, whose words the answer leaves out; the domain's refusals need no stack trace.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Status} for {Method} {Path}: {Detail}")]
    public static partial void LogRefused(ILogger logger, BadHttpRequestException? exception, int status, string method, PathString path, string detail);
}
