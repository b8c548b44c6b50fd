using Konifer.Core.Assets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Konifer.Http.Safety;

/// <summary>
/// Judges the request target as the client sent it. Kestrel decodes percent-escapes and removes <c>.</c>/<c>..</c>
/// segments before routing, so <c>/assets/a/%2e%2e/b</c> would otherwise be served as <c>/assets/b</c>; asset paths
/// never need escaping (see docs/safety.md), so any <c>%</c>, dot segment or control character in the path is a 400.
/// </summary>
public sealed class RawTargetFilter : IEndpointFilter
{
    public static RawTargetFilter Instance { get; } = new();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var raw = context.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is not null && Problem(PathOf(raw)) is { } problem) throw new BadRequestException(problem);
        return next(context);
    }

    /// <summary>The path part of an origin-form (<c>/a?b</c>) or absolute-form (<c>http://h/a?b</c>) target.</summary>
    public static string PathOf(string rawTarget)
    {
        var path = rawTarget;
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && !path.StartsWith('/'))
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path[slash..];
        }
        var end = path.IndexOfAny(['?', '#']);
        return end < 0 ? path : path[..end];
    }

    public static string? Problem(string path)
    {
        if (path.Contains('%'))
            return "The request path contains percent-encoding ('%'); asset paths use only letters, digits and _~!$'()*+=@- and are never escaped.";
        foreach (var c in path)
            if (char.IsControl(c)) return "The request path contains a control character.";
        foreach (var segment in path.Split('/'))
            if (segment is "." or "..")
                return "The request path contains a relative segment ('.' or '..'); asset paths are always absolute.";
        return null;
    }
}
