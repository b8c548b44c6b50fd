namespace Konifer.Configuration;

/// <summary>
/// <c>metrics</c>: the Prometheus scrape endpoint (off unless asked for: it tells anyone who can reach it how busy the
/// service is) and the OTLP endpoint that metrics and traces are pushed to (none unless configured).
/// </summary>
public sealed record MetricsSettings(bool PrometheusEnabled = false, string PrometheusPath = "/metrics", Uri? OtlpEndpoint = null);
