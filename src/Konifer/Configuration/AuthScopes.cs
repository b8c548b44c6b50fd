using System.Diagnostics.CodeAnalysis;

namespace Konifer.Configuration;

/// <summary>The one spelling of <see cref="AuthScope"/> in konifer.conf, tokens and messages.</summary>
public static class AuthScopes
{
    public static IReadOnlyList<AuthScope> All { get; } = [AuthScope.Read, AuthScope.Write, AuthScope.Delete];

    public static string Name(this AuthScope scope) => scope switch
    {
        AuthScope.Read => "read",
        AuthScope.Write => "write",
        AuthScope.Delete => "delete",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    /// <summary>Exact, case-sensitive names as OAuth scopes are: <c>Write</c> is not <c>write</c>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AuthScope? scope)
    {
        foreach (var candidate in All)
            if (text == candidate.Name())
            {
                scope = candidate;
                return true;
            }
        scope = null;
        return false;
    }
}
