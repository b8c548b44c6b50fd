using Konifer.UrlSigning;
using Konifer.Http.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Konifer.Http.Signing;

/// <summary>
/// Refuses unsigned or wrongly signed reads under <c>/assets</c> before any routing or I/O. Only GET and HEAD are
/// checked: store, update and delete are not signed (as in the reference). Installed only when signing is enabled.
/// </summary>
/// <remarks>An <c>exp</c> in the URL is covered by the signature and checked against the host's clock.</remarks>
public sealed class UrlSignatureMiddleware(RequestDelegate next, UrlSigner signer, TimeProvider clock)
{
    private static readonly PathString Assets = new("/assets");

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.Path.StartsWithSegments(Assets))
            return next(context);

        var (path, rawQuery) = AsSent(context);
        return signer.Check(path, rawQuery, clock.GetUtcNow()) switch
        {
            SignatureCheck.Valid => next(context),
            SignatureCheck.Missing => Refuse(context, "Missing signature"),
            SignatureCheck.Expired => Refuse(context, "The signed URL expired"),
            SignatureCheck.MalformedExpiry => Refuse(context, "Invalid expiry: exp must be whole unix seconds"),
            _ => Refuse(context, "Invalid signature"),
        };
    }

    private Task Refuse(HttpContext context, string message)
    {
        return ApiProblem.WriteAsync(context, StatusCodes.Status403Forbidden, message);
    }

    /// <summary>The path and query exactly as the client wrote them (the signature covers the path as sent, undecoded).</summary>
    private static (string Path, string RawQuery) AsSent(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (target is { Length: > 0 } && target[0] == '/')
        {
            var question = target.IndexOf('?');
            return question < 0 ? (target, "") : (target[..question], target[(question + 1)..]);
        }
        // Absolute-form or missing targets: fall back to the parsed request.
        var request = context.Request;
        return ((request.PathBase + request.Path).ToUriComponent(), request.QueryString.Value ?? "");
    }
}
