using Konifer.Configuration;
using Konifer.Paths;
using Microsoft.AspNetCore.Authorization;

namespace Konifer.Http.Auth;

/// <summary>
/// Grants an <see cref="AssetAccessRequirement"/> when the request's credentials carry the scope and one of their path
/// patterns applies to the asset path, with the matching of the <c>paths</c> configuration (<c>*</c> one segment,
/// <c>**</c> any, a literal pattern covers the paths below it). A recursive delete also needs the pattern to cover
/// every path below, which a pattern ending in a single <c>*</c> does not. The failure reason names what was missing,
/// never which keys exist.
/// </summary>
public sealed class AssetAccessHandler : AuthorizationHandler<AssetAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AssetAccessRequirement requirement)
    {
        // Anonymous: no reason, so the result is a challenge (401).
        if (context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;

        var target = AssetTarget.Of(context.Resource);
        var scope = requirement.Scope.Name();
        if (context.User.HasClaim(AuthClaims.Scope, scope) && Covers(context, target))
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, $"This request needs the '{scope}' scope{target.Describe()}."));
        return Task.CompletedTask;
    }

    private static bool Covers(AuthorizationHandlerContext context, AssetTarget target)
    {
        if (target.Path is not { } path) return true;
        foreach (var claim in context.User.FindAll(AuthClaims.Path))
        {
            if (!PathPattern.TryParse(claim.Value, out var pattern, out _) || !pattern.AppliesTo(path)) continue;
            if (!target.Recursive || pattern.SegmentKinds[^1] != PathPatternSegmentKind.AnySegment) return true;
        }
        return false;
    }
}
