namespace Konifer.Configuration.Reading;

/// <summary><c>metrics.prometheus.enabled</c>, <c>metrics.prometheus.path</c> and <c>metrics.otlp.endpoint</c>.</summary>
internal static class MetricsReader
{
    public static MetricsSettings Read(ConfigReader metrics)
    {
        var prometheus = metrics.Section("prometheus");
        var path = prometheus.OptionalText("path") ?? "/metrics";
        if (!path.StartsWith('/') || path.IndexOfAny(['?', '#', ' ']) >= 0 || path.StartsWith("/assets", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/health", StringComparison.OrdinalIgnoreCase))
            throw prometheus.Error("path", $"'{path}' is not a path of its own (it starts with /, has no query, and is not under /assets or /health).");
        var otlp = metrics.Section("otlp");
        Uri? endpoint = null;
        if (otlp.OptionalText("endpoint") is { } raw
            && (!Uri.TryCreate(raw, UriKind.Absolute, out endpoint) || (endpoint.Scheme != "http" && endpoint.Scheme != "https")))
            throw otlp.Error("endpoint", $"'{raw}' is not an absolute http or https URL.");
        return new MetricsSettings(prometheus.Bool("enabled") ?? false, path, endpoint);
    }
}
