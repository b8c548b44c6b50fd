namespace Konifer.Configuration.Reading;

/// <summary><c>http</c>, together with ASP.NET Core's own <c>AllowedHosts</c>.</summary>
internal static class HttpReader
{
    public static HttpSettings Read(ConfigReader http, string? frameworkAllowedHosts) =>
        new(PublicUrl(http), AllowedHosts(http, frameworkAllowedHosts)) { OpenApiEnabled = http.Section("openapi").Bool("enabled") ?? true };

    private static Uri? PublicUrl(ConfigReader http)
    {
        var raw = http.OptionalText("public-url");
        if (raw is null) return null;
        if (!Uri.TryCreate(raw.TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw http.Error("public-url", $"'{raw}' is not an absolute http or https URL.");
        return uri;
    }

    /// <summary>
    /// <c>http.allowed-hosts</c> (a list) and the standard <c>AllowedHosts</c> (<c>;</c>-separated) together, in the
    /// form ASP.NET Core host filtering takes: host names, <c>*.</c> wildcards, IP literals (IPv6 in brackets), no ports.
    /// </summary>
    private static IReadOnlyList<string> AllowedHosts(ConfigReader http, string? frameworkAllowedHosts)
    {
        const string name = "allowed-hosts";
        var standard = (frameworkAllowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hosts = http.OneOrMany(name).Select(h => h.Trim()).Concat(standard).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var host in hosts)
        {
            var bare = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
            var invalid = host != "*" && (bare.Length == 0 || bare.Contains("://", StringComparison.Ordinal) || bare.IndexOfAny(['/', '?', '#', '@', ' ', '*']) >= 0
                || (bare.StartsWith('[') ? !bare.EndsWith(']') : bare.Contains(':')));
            if (invalid)
                throw http.Error(name, $"'{host}' is not a host name, *.wildcard or IP literal (no scheme, port or path).");
        }
        // "*" anywhere means any host, which is what no list means.
        return hosts.Contains("*") ? [] : hosts;
    }
}
