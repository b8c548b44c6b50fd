using System.Globalization;
using Konifer.Http.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Konifer.Http.Auth;

/// <summary>
/// Writes the refusals of the authorization middleware as problem details: 401 when credentials are missing or not
/// valid (after the scheme's challenge set <c>WWW-Authenticate</c>), 403 when they are valid but lack the scope or the
/// path. Each says what was missing and never which keys exist. Every refusal is a failed attempt: past the client's
/// limit the answer is 429 with <c>Retry-After</c> instead.
/// </summary>
public sealed class AuthProblemResultHandler(FailedAttempts failures) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !(authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var need = Need(policy, context);
        var presented = context.Request.Headers.Authorization.Count > 0;
        var reason = authorizeResult.Forbidden ? "forbidden" : presented ? "invalid" : "missing";
        if (failures.Record(context, reason) is { } retryAfter)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await ApiProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests,
                $"Too many failed attempts from this client: try again in {seconds} s.");
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var message = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? $"This request needs {need}.";
            await ApiProblem.WriteAsync(context, StatusCodes.Status403Forbidden, message);
            return;
        }

        // The middleware keeps only successful results; the scheme's handler has this one cached for the request.
        var authentication = presented ? await context.AuthenticateAsync() : null;
        await context.ChallengeAsync();
        if (!context.Response.Headers.ContainsKey(HeaderNames.WWWAuthenticate)) context.Response.Headers.WWWAuthenticate = "Bearer";
        var detail = presented
            ? $"Invalid credentials: {Invalid(authentication)}; this request needs {need}."
            : $"Missing credentials: this request needs {need}; send an API key or token as 'Authorization: Bearer …'.";
        await ApiProblem.WriteAsync(context, StatusCodes.Status401Unauthorized, detail);
    }

    /// <summary>"the 'write' scope for /users/1", from the policy's requirement and the request's path.</summary>
    private static string Need(AuthorizationPolicy policy, HttpContext context)
    {
        var scope = policy.Requirements.OfType<AssetAccessRequirement>().FirstOrDefault()?.Scope;
        var scopeText = scope is null ? "credentials" : $"the '{Configuration.AuthScopes.Name(scope.Value)}' scope";
        return scopeText + AssetTarget.Of(context).Describe();
    }

    /// <summary>Why the presented credentials failed, in terms that reveal no key: expired, wrong issuer, or not valid.</summary>
    private static string Invalid(AuthenticateResult? result) => result?.Failure switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidIssuerException => "the token's issuer is not accepted",
        SecurityTokenInvalidAudienceException => "the token's audience is not accepted",
        _ => "the bearer token is not a valid API key or token",
    };
}
