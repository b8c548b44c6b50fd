using System.Text.Json;
using Konifer.Core.Problems;
using Konifer.Core.Storage;
using Konifer.Http.Problems;
using Konifer.Tests.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Konifer.Tests.Http;

/// <summary>Each problem kind becomes its status with the problem body every error has; unknown errors stay a bare 500.</summary>
public sealed class ProblemExceptionHandlerTests
{
    private sealed class Problem(ProblemKind kind) : DomainException(kind, $"A {kind} problem.");

    private sealed class Outage(TimeSpan retryAfter) : UnavailableException("Down for maintenance of 10.0.0.7.", retryAfter)
    {
        public override string Detail => "Come back later.";
    }

    private static DomainException Of(ProblemKind kind) =>
        kind == ProblemKind.Unavailable ? new Outage(TimeSpan.FromSeconds(2.5)) : new Problem(kind);

    private const string Rfc9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-";

    public static TheoryData<ProblemKind, int, string, string> Kinds() => new()
    {
        { ProblemKind.BadRequest, 400, "Bad Request", Rfc9110 + "15.5.1" },
        { ProblemKind.Forbidden, 403, "Forbidden", Rfc9110 + "15.5.4" },
        { ProblemKind.NotFound, 404, "Not Found", Rfc9110 + "15.5.5" },
        { ProblemKind.TooLarge, 413, "Content Too Large", Rfc9110 + "15.5.14" },
        { ProblemKind.UnsupportedMediaType, 415, "Unsupported Media Type", Rfc9110 + "15.5.16" },
        { ProblemKind.Timeout, 422, "Unprocessable Entity", "about:blank" },
        { ProblemKind.Unavailable, 503, "Service Unavailable", Rfc9110 + "15.6.4" },
        { ProblemKind.UpstreamFailed, 502, "Bad Gateway", Rfc9110 + "15.6.3" },
        { ProblemKind.UpstreamTimeout, 504, "Gateway Timeout", Rfc9110 + "15.6.5" },
    };

    private static async Task<(HttpResponse Response, JsonElement Body, CapturingLogger<ProblemExceptionHandler> Log)> HandleAsync(Exception exception)
    {
        var log = new CapturingLogger<ProblemExceptionHandler>();
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/assets/a";
        context.Response.Body = new MemoryStream();

        Assert.True(await new ProblemExceptionHandler(log).TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        return (context.Response, body.RootElement.Clone(), log);
    }

    [Fact]
    public void Every_kind_has_a_case_here() =>
        Assert.Equal(Enum.GetValues<ProblemKind>().Order(), Kinds().Select(row => (ProblemKind)row[0]).Order());

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_kind_is_answered_with_its_status_and_a_problem_body(ProblemKind kind, int status, string title, string type)
    {
        var exception = Of(kind);

        var (response, body, log) = await HandleAsync(exception);

        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal(["detail", "message", "status", "title", "type"], body.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Equal(type, body.GetProperty("type").GetString());
        Assert.Equal(exception.Detail, body.GetProperty("detail").GetString());
        Assert.Equal(exception.Detail, body.GetProperty("message").GetString());
        var entry = Assert.Single(log.Entries);
        if (kind == ProblemKind.Unavailable)
        {
            Assert.Equal("3", response.Headers.RetryAfter.ToString()); // whole seconds, rounded up
            Assert.DoesNotContain("10.0.0.7", body.GetRawText()); // the message is for the log only
            Assert.Equal(LogLevel.Warning, entry.Level);
            Assert.Same(exception, entry.Exception);
        }
        else if (status >= 500)
        {
            // A failing source is logged with its cause, as a warning: not our bug, but an operator may want to know.
            Assert.False(response.Headers.ContainsKey("Retry-After"));
            Assert.Equal(LogLevel.Warning, entry.Level);
            Assert.Same(exception, entry.Exception);
        }
        else
        {
            // A refusal is told on the request's one log line (its reason, with what the body keeps back), not here.
            Assert.False(response.Headers.ContainsKey("Retry-After"));
            Assert.Equal(LogLevel.Debug, entry.Level);
            Assert.Null(entry.Exception);
            Assert.Equal(exception.Message, Konifer.Observability.RequestReason.Of(response.HttpContext));
        }
    }

    [Fact]
    public async Task An_outage_inside_another_error_is_still_an_outage()
    {
        var (response, body, _) = await HandleAsync(
            new AggregateException(new InvalidOperationException("a sibling"), new InvalidOperationException("outer", new MetadataStoreUnavailableException("down"))));

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
        Assert.StartsWith("The metadata store is unavailable", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_error_of_no_kind_is_a_500_that_names_nothing_and_is_logged_as_an_error()
    {
        var bug = new InvalidOperationException("Invariant broken in /srv/secret.cs");

        var (response, body, log) = await HandleAsync(bug);

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("An unexpected error occurred. The server log has the details.", body.GetProperty("detail").GetString());
        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(bug, entry.Exception);
    }

    [Fact]
    public void Only_an_UnavailableException_can_report_an_outage() =>
        Assert.Throws<ArgumentException>(() => new Problem(ProblemKind.Unavailable));
}
