namespace Konifer.Paths;

/// <summary>
/// Path settings that break a rule of their own, such as an expiration strategy without a TTL or a redirect
/// template with a script scheme. <see cref="Setting"/> is where, relative to the settings checked (for example
/// <c>transform.expire.ttl</c>; empty for the settings as a whole), so that whoever read them can name the key.
/// </summary>
public sealed class InvalidPathSettingException(string setting, string problem) : Exception(problem)
{
    public string Setting { get; } = setting;

    /// <summary>The same problem, one level further out: <paramref name="prefix"/> goes before <see cref="Setting"/>.</summary>
    public InvalidPathSettingException Within(string prefix) =>
        new(Setting.Length == 0 ? prefix : $"{prefix}.{Setting}", Message);
}
