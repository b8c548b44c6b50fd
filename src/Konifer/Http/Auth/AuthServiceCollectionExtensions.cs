using Konifer.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Konifer.Http.Auth;

/// <summary>
/// <c>auth</c> on ASP.NET Core's authentication and authorization: the API-key scheme, JWT bearer when
/// <c>auth.jwt.enabled</c>, one policy per scope, and the problem-writing result handler. Nothing is registered when
/// auth is disabled, so the open default costs nothing and behaves exactly as before.
/// </summary>
public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddKoniferAuth(this IServiceCollection services, AuthSettings settings)
    {
        if (!settings.Enabled) return services;
        var jwt = settings.Jwt;
        var authentication = services.AddAuthentication(AuthSchemes.Bearer)
            .AddPolicyScheme(AuthSchemes.Bearer, "API key or JWT", options => options.ForwardDefaultSelector = context =>
                jwt.Enabled && AuthSchemes.BearerToken(context.Request) is { } token && AuthSchemes.LooksLikeJwt(token)
                    ? AuthSchemes.Jwt
                    : AuthSchemes.ApiKey)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, options => options.Keys = settings.ApiKeys);
        if (jwt.Enabled) authentication.AddJwtBearer(AuthSchemes.Jwt, options => ConfigureJwt(options, jwt));

        services.AddAuthorization(options =>
        {
            foreach (var scope in AuthScopes.All)
                options.AddPolicy(AssetAccessRequirement.PolicyName(scope), policy => policy.AddRequirements(new AssetAccessRequirement(scope)));
        });
        services.AddSingleton<IAuthorizationHandler, AssetAccessHandler>();
        services.AddSingleton(settings);
        services.AddSingleton<FailedAttempts>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuthProblemResultHandler>();
        return services;
    }

    /// <summary>Authentication and authorization in the request pipeline, after the signature check; nothing when disabled.</summary>
    public static void UseKoniferAuth(this IApplicationBuilder app, AuthSettings settings)
    {
        if (!settings.Enabled) return;
        app.UseAuthentication();
        app.UseAuthorization();
    }

    /// <summary>
    /// Requires <paramref name="scope"/> on the endpoint when auth is enabled (reads only with
    /// <c>auth.require-for-reads</c>); otherwise leaves it open, as the reference does.
    /// </summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, AuthSettings? settings, AuthScope scope)
        where TBuilder : IEndpointConventionBuilder
    {
        if (settings is not { Enabled: true } || (scope == AuthScope.Read && !settings.RequireForReads)) return builder;
        return builder.RequireAuthorization(AssetAccessRequirement.PolicyName(scope));
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtSettings jwt)
    {
        // Claim types as the token writes them ("scope", not a WS-Federation URI), so auth.jwt.scope-claim names them.
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = jwt.JwksUrl?.Scheme == Uri.UriSchemeHttps;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = jwt.ClockSkew,
            IssuerSigningKeys = jwt.SigningKeys.Select(text => JwtSigningKeys.TryParse(text, out _)!).ToArray(),
        };
        if (jwt.JwksUrl is { } url)
            options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(url.ToString(), new JwksRetriever(jwt.Issuer!),
                new HttpDocumentRetriever { RequireHttps = url.Scheme == Uri.UriSchemeHttps });
        options.Events = new JwtBearerEvents
        {
            // The token's scope and paths claims become the only ones the authorization handler reads: the principal is
            // replaced, so a token cannot carry Konifer's own claim types past auth.jwt.scope-claim and paths-claim.
            OnTokenValidated = context =>
            {
                context.Principal = new System.Security.Claims.ClaimsPrincipal(JwtGrants.From(context.Principal!, jwt));
                return Task.CompletedTask;
            },
        };
    }
}
