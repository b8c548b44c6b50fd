using Konifer.Configuration;
using Microsoft.AspNetCore.Authentication;

namespace Konifer.Http.Auth;

/// <summary>The configured <c>auth.api-keys</c>, for <see cref="ApiKeyAuthenticationHandler"/>.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    public IReadOnlyList<ApiKeySettings> Keys { get; set; } = [];
}
