using Microsoft.AspNetCore.Http;

namespace Konifer.Http.Problems;

/// <summary>
/// RFC 9457 problem details that also carry the reference's <c>message</c> field (same text as <c>detail</c>), so
/// clients written for either shape keep working.
/// </summary>
public sealed record ApiProblem(string Type, string Title, int Status, string Detail, string Message)
{
    public const string ContentType = "application/problem+json";

    public static ApiProblem Create(int status, string detail) =>
        new(TypeOf(status), TitleOf(status), status, detail, detail);

    public static IResult Result(int status, string detail) =>
        TypedResults.Json(Create(status, detail), KoniferJson.Options, ContentType, status);

    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        Observability.RequestReason.Set(context, detail);
        return context.Response.WriteAsJsonAsync(Create(status, detail), KoniferJson.Options, ContentType, context.RequestAborted);
    }

    private static string TypeOf(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        408 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.9",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        502 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        504 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.5",
        _ when status >= 500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        _ => "about:blank",
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ when status >= 500 => "Internal Server Error",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };
}
