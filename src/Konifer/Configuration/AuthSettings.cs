namespace Konifer.Configuration;

/// <summary>
/// <c>auth</c>: who may store, update and delete (and read, when <see cref="RequireForReads"/>). Disabled by default,
/// as in the reference, which expects a gateway in front; then nothing about a request's credentials is looked at.
/// </summary>
/// <param name="FailureLimit">Failed attempts (401 or 403) a client may make per <see cref="FailureWindow"/> before it gets 429.</param>
public sealed record AuthSettings(
    bool Enabled,
    IReadOnlyList<ApiKeySettings> ApiKeys,
    JwtSettings Jwt,
    bool RequireForReads,
    int FailureLimit,
    TimeSpan FailureWindow)
{
    public const int DefaultFailureLimit = 10;

    public static TimeSpan DefaultFailureWindow { get; } = TimeSpan.FromMinutes(1);

    public static AuthSettings Disabled { get; } = new(false, [], JwtSettings.Disabled, false, DefaultFailureLimit, DefaultFailureWindow);
}
