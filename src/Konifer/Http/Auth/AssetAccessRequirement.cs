using Konifer.Configuration;
using Microsoft.AspNetCore.Authorization;

namespace Konifer.Http.Auth;

/// <summary>The request needs <see cref="Scope"/> on its asset path; judged by <see cref="AssetAccessHandler"/>.</summary>
public sealed class AssetAccessRequirement(AuthScope scope) : IAuthorizationRequirement
{
    public AuthScope Scope { get; } = scope;

    /// <summary>The policy name of a scope, as endpoints require it.</summary>
    public static string PolicyName(AuthScope scope) => "konifer:" + scope.Name();
}
