using System.Diagnostics.Metrics;
using Konifer.Configuration;
using Konifer.Core.Telemetry;
using Konifer.Variants;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Prometheus;

namespace Konifer.Observability;

/// <summary>
/// Registers the instruments the domain records into, the Prometheus endpoint (when enabled), and OpenTelemetry
/// with OTLP export of metrics and traces when an endpoint is configured (<c>metrics.otlp.endpoint</c> or the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Without one, no OpenTelemetry listener runs at all.
/// </summary>
public static class ObservabilityServiceCollectionExtensions
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddKoniferObservability(this IServiceCollection services, MetricsSettings settings,
        Func<string, string?> environment)
    {
        services.AddMetrics();
        services.AddSingleton<VariantInstruments>();
        services.AddSingleton<StoreInstruments>();
        services.AddSingleton(sp => new MetricsEndpoint(settings, sp.GetRequiredService<IMeterFactory>()));

        var fromEnvironment = environment(OtlpEndpointVariable) is { Length: > 0 };
        if (settings.OtlpEndpoint is null && !fromEnvironment) return services;
        // The key wins over the environment; with neither set, the exporter's own default is never used.
        void Endpoint(OtlpExporterOptions otlp)
        {
            if (settings.OtlpEndpoint is { } endpoint) otlp.Endpoint = endpoint;
        }
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(KoniferTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(Endpoint))
            .WithMetrics(metrics => metrics
                .AddMeter(KoniferTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                .AddOtlpExporter(Endpoint));
        return services;
    }

    /// <summary>Maps the scrape endpoint at <c>metrics.prometheus.path</c> when enabled; otherwise nothing is served there (404).</summary>
    public static void MapKoniferMetrics(this IEndpointRouteBuilder endpoints)
    {
        var metrics = endpoints.ServiceProvider.GetRequiredService<MetricsEndpoint>();
        if (metrics.Enabled) endpoints.MapMetrics(metrics.Path, metrics.Registry);
    }
}
