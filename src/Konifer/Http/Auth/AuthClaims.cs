namespace Konifer.Http.Auth;

/// <summary>
/// The claim types both schemes give a request, so one authorization handler judges API keys and JWTs alike: one
/// claim per scope and one per path pattern.
/// </summary>
public static class AuthClaims
{
    public const string Scope = "konifer:scope";
    public const string Path = "konifer:path";
}
